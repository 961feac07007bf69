package cn.linli.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import cn.linli.worktime.TimeLimit;
import cn.linli.worktime.TimeLimitUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.linli.access.internal.UserAccounts;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/**
 * The catalogue on a real database: the default catalogue, versioned edits, retirement, who may edit, bad input and
 * the intake search. Each test works on a major class of its own (codes XA.., XB.. …), beside the default catalogue.
 */
@IntegrationTest
class CategoryCatalogueIT {

    private static final AtomicInteger MAJORS = new AtomicInteger(10);
    private static final String API = "/api/casework/categories";

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired Categories categories;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    String major;

    @BeforeEach
    void createMajor() throws Exception {
        major = "XT" + MAJORS.getAndIncrement();
        mvc.perform(post(API).with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"%s","family":"EVENT","nameZh":"测试大类%s","nameEn":"Test class %s","published":true}
                                """.formatted(major, major, major)))
                .andExpect(status().isCreated());
    }

    RequestPostProcessor as(String username) {
        return SignedIn.as(accounts, username);
    }

    static String minor(String code, String parent, String nameZh, String handle, String urgentHandle) {
        return """
                {"code":"%s","parentCode":"%s","nameZh":"%s","nameEn":"%s in English",
                 "limits":{"DISPATCH":{"amount":1,"unit":"WH"},"ACCEPT":{"amount":1,"unit":"WH"},"HANDLE":%s,"VERIFY":{"amount":2,"unit":"WH"}},
                 "urgentLimits":{"DISPATCH":{"amount":1,"unit":"NH"},"ACCEPT":{"amount":1,"unit":"NH"},"HANDLE":%s,"VERIFY":{"amount":1,"unit":"WH"}},
                 "registerCondition":"现场核实属实","closeCondition":"处置完毕经核查","published":true,
                 "handler":"DEPARTMENT","department":"chengguan","keywords":["测试词"]}
                """.formatted(code, parent, nameZh, nameZh, handle, urgentHandle);
    }

    static String days(int n) {
        return "{\"amount\":" + n + ",\"unit\":\"WORKING_DAYS\"}";
    }

    void createMinor(String code, String nameZh) throws Exception {
        mvc.perform(post(API).with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(minor(code, major, nameZh, days(5), days(1)))).andExpect(status().isCreated());
    }

    long versions() {
        return jdbc.sql("select count(*) from casework_category_version").query(Long.class).single();
    }

    @Test
    void theDefaultCatalogueIsLoadedOnFirstStartAndOnlyOnce() throws Exception {
        assertThat(categories.tree().stream().mapToInt(b -> b.minors().size()).sum()).isGreaterThanOrEqualTo(60);
        assertThat(categories.limit("SJ0104", CaseStage.HANDLE, false)).isEqualTo(new TimeLimit(5, TimeLimitUnit.WORKING_HOURS));
        long before = versions();
        context.getBean("defaultCatalogue", ApplicationRunner.class).run(new DefaultApplicationArguments());
        assertThat(versions()).isEqualTo(before);
        mvc.perform(get(API).with(as("yongan-sq")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].major.code", hasItem("SJ01")))
                .andExpect(jsonPath("$[?(@.major.code=='SJ01')].minors[*].code", hasItem("SJ0102")));
    }

    @Test
    void anEditMakesANewVersionAndTheOldOneStillAnswersForEarlierInstants() throws Exception {
        String code = major + "01";
        createMinor(code, "测试事项甲");
        Thread.sleep(5);
        Instant registered = Instant.now();
        Thread.sleep(5);
        mvc.perform(put(API + "/" + code).with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(minor(code, major, "测试事项甲（新）", days(3), days(1))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
        assertThat(categories.limit(code, CaseStage.HANDLE, false)).isEqualTo(new TimeLimit(3, TimeLimitUnit.WORKING_DAYS));
        assertThat(categories.limit(code, CaseStage.HANDLE, false, registered)).isEqualTo(new TimeLimit(5, TimeLimitUnit.WORKING_DAYS));
        assertThat(categories.asOf(code, registered).orElseThrow().nameZh()).isEqualTo("测试事项甲");
        mvc.perform(get(API + "/" + code).param("at", registered.toString()).with(as("yongan")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nameZh").value("测试事项甲"))
                .andExpect(jsonPath("$.limits.normal.HANDLE.amount").value(5));
        mvc.perform(get(API + "/" + code + "/history").with(as("yongan")))
                .andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void aRetiredCategoryIsHiddenFromIntakeButKeptForOldCases() throws Exception {
        String code = major + "02";
        createMinor(code, "将停用事项");
        assertThat(categories.search("将停用", 10)).extracting(m -> m.category().code().value()).contains(code);
        Thread.sleep(5);
        Instant registered = Instant.now();
        Thread.sleep(5);
        mvc.perform(post(API + "/" + code + "/retire").param("note", "并入其他类别").with(as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retired").value(true));
        assertThat(categories.search("将停用", 10)).isEmpty();
        assertThat(categories.tree()).flatMap(Categories.Branch::minors).extracting(c -> c.code().value()).doesNotContain(code);
        assertThat(categories.asOf(code, registered).orElseThrow().retired()).isFalse();
        assertThat(categories.limit(code, CaseStage.HANDLE, false, registered)).isEqualTo(new TimeLimit(5, TimeLimitUnit.WORKING_DAYS));
        assertThat(categories.find(code).orElseThrow().retired()).isTrue();
        long before = versions();
        mvc.perform(put(API + "/" + code).with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(minor(code, major, "复活", days(5), days(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("已停用")));
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void onlyCityAdministratorsMayEditTheCatalogue() throws Exception {
        String code = major + "03";
        createMinor(code, "权限测试事项");
        long before = versions();
        for (String user : new String[] {"yongan", "yongan-sq", "wanggeyuan"}) {
            mvc.perform(post(API).with(as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                    .content(minor(major + "04", major, "越权新增", days(5), days(1)))).andExpect(status().isForbidden());
            mvc.perform(put(API + "/" + code).with(as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                    .content(minor(code, major, "越权修改", days(5), days(1)))).andExpect(status().isForbidden());
            mvc.perform(post(API + "/" + code + "/retire").with(as(user)).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post("/casework/categories/" + code + "/retire").with(as(user)).with(csrf())).andExpect(status().isForbidden());
        }
        assertThat(versions()).isEqualTo(before);
        assertThat(categories.find(code).orElseThrow().nameZh()).isEqualTo("权限测试事项");
    }

    @Test
    void badInputIsRefusedWithEveryReasonAndChangesNothing() throws Exception {
        long before = versions();
        mvc.perform(post(API).with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(minor("x-1", major, "", days(5), days(6))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field", hasItem("code")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("nameZh")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("urgentLimits.HANDLE")))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("紧急处置时限（6WD）长于普通时限（5WD）"))));
        mvc.perform(post(API).with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(minor(major + "05", "XX99", "未知上级", days(5), days(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("parentCode"));
        mvc.perform(post(API).with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(minor(major + "05", "SJ0102", "小类之下", days(5), days(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message", containsString("小类只能设在大类之下")));
        mvc.perform(post(API).with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(minor(major + "05", major, "超长时限", days(400), days(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("limits.HANDLE"));
        mvc.perform(post(API).with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(minor("SJ0102", "SJ01", "重复代码", days(5), days(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message", containsString("已被使用")));
        mvc.perform(post("/casework/categories").with(as("admin")).with(csrf())
                        .param("code", major + "06").param("parentCode", major).param("nameZh", "表单测试").param("nameEn", "Form")
                        .param("limit.HANDLE.amount", "0").param("limit.HANDLE.unit", "WORKING_DAYS"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/casework/categories"));
        assertThat(versions()).isEqualTo(before);
        assertThat(categories.find(major + "05")).isEmpty();
        mvc.perform(get(API + "/ZZ0000").with(as("admin"))).andExpect(status().isNotFound());
    }

    @Test
    void aChineseFragmentFindsMinorCategoriesWithTheirPath() throws Exception {
        mvc.perform(get(API + "/search").param("q", "垃圾").with(as("wanggeyuan")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].path", hasItem("事件 › 市容环境 › 暴露垃圾")))
                .andExpect(jsonPath("$[*].category.code", hasItem("SJ0103")));
        mvc.perform(get(API + "/search").param("q", "暖气不热").with(as("wanggeyuan")))
                .andExpect(jsonPath("$[0].category.code").value("FW0701"))
                .andExpect(jsonPath("$[0].category.handler.department").value("gongre"));
    }

    @Test
    void thePagesShowTheTreeTheLimitsAndTheEditFormOnlyToAdministrators() throws Exception {
        mvc.perform(get("/casework/categories").param("q", "暴露").with(as("yongan-sq")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("事件 › 市容环境 › 暴露垃圾")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"nameZh\""))));
        mvc.perform(get("/casework/categories").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"nameZh\"")));
        mvc.perform(get("/casework/categories/SJ0104").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("道路不洁")))
                .andExpect(content().string(containsString("5 工作时")))
                .andExpect(content().string(containsString("立案条件")));
        mvc.perform(get("/casework/categories/ZZ0000").with(as("admin"))).andExpect(status().isNotFound());
    }
}
