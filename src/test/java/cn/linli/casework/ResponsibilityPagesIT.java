package cn.linli.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.linli.access.internal.UserAccounts;
import cn.linli.organisation.Organisation;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/**
 * The responsibility matrix page: the city administrator and district staff list, add, change and retire rules (the
 * district within its district, with units it may name); a department's matter is never given to a community; the
 * tester says who handles a category at a place and why. Refusals name their field and change nothing.
 */
@IntegrationTest
class ResponsibilityPagesIT {

    static final String PAGE = "/casework/responsibility";

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired Categories categories;
    @Autowired Organisation organisation;
    @Autowired TerritoryQueries territory;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void forgetRules() {
        jdbc.sql("delete from casework_responsibility").update();
    }

    long place(String code) {
        return territory.tree(null).findByCode(code).orElseThrow().id();
    }

    long unitOf(String username) {
        return organisation.unitsOf(accounts.findByUsername(username).orElseThrow().id()).get(0).id();
    }

    String code(String name) {
        return categories.search(name, 1).get(0).category().code().value();
    }

    long rules() {
        return jdbc.sql("select count(*) from casework_responsibility").query(Long.class).single();
    }

    MockHttpServletRequestBuilder save(String user, String category, long place, long main, Long... co) {
        var request = post(PAGE).with(csrf()).with(SignedIn.as(accounts, user)).header("Accept-Language", "zh-CN")
                .param("categoryCode", category).param("placeUnitId", String.valueOf(place)).param("mainUnit", String.valueOf(main))
                .param("note", "小区内道路由街道协调");
        for (Long unit : co) request.param("coUnits", String.valueOf(unit));
        return request;
    }

    @Test
    void theAdministratorAddsChangesAndRetiresARuleOnThePage() throws Exception {
        String water = code("道路积水");
        long community = place("230804007001");
        long street = unitOf("yongan");
        long bureau = unitOf("chengguan");
        mvc.perform(save("admin", water, community, street, bureau)).andExpect(redirectedUrl(PAGE));
        long id = jdbc.sql("select id from casework_responsibility").query(Long.class).single();
        mvc.perform(get(PAGE).param("category", water).with(SignedIn.as(accounts, "admin")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("永安街道办事处")))
                .andExpect(content().string(containsString("小区内道路由街道协调")))
                .andExpect(content().string(containsString("/casework/responsibility/" + id + "/retire")));

        mvc.perform(save("admin", water, community, street).param("id", String.valueOf(id))).andExpect(redirectedUrl(PAGE));
        assertThat(jdbc.sql("select co_units from casework_responsibility where id = :id").param("id", id).query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).single())
                .as("the co-handler was taken off").isEmpty();

        mvc.perform(post(PAGE + "/" + id + "/retire").with(csrf()).with(SignedIn.as(accounts, "admin"))).andExpect(redirectedUrl(PAGE));
        assertThat(rules()).isZero();
    }

    @Test
    void districtStaffKeepTheirDistrictOnlyAndOthersMayNotOpenThePage() throws Exception {
        String water = code("道路积水");
        long otherDistrict = place("230803000000");
        long otherCommunity = territory.tree(null).descendants(otherDistrict).stream()
                .filter(d -> d.level() == DivisionLevel.COMMUNITY).findFirst().orElseThrow().id();
        long otherOffice = organisation.officeOf(otherCommunity).orElseThrow().id();
        long street = unitOf("yongan");

        mvc.perform(get(PAGE).with(SignedIn.as(accounts, "qianjin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("谁来办")));
        mvc.perform(save("qianjin", water, place("230804007001"), street)).andExpect(redirectedUrl(PAGE));
        assertThat(rules()).isEqualTo(1);

        mvc.perform(save("qianjin", water, otherCommunity, street)).andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("不在您的辖区内")));
        mvc.perform(save("qianjin", code("暴露垃圾"), place("230804007001"), otherOffice)).andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("不在您可指定的范围内")));
        assertThat(rules()).isEqualTo(1);

        for (String user : new String[] {"yongan", "yongan-sq", "chengguan"}) {
            mvc.perform(get(PAGE).with(SignedIn.as(accounts, user))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/casework/inbox").with(SignedIn.as(accounts, "yongan"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/casework/responsibility\""))));
        mvc.perform(get("/casework/inbox").with(SignedIn.as(accounts, "qianjin")))
                .andExpect(content().string(containsString("href=\"/casework/responsibility\"")));
    }

    @Test
    void aDepartmentMatterIsNeverGivenToACommunityAndBadInputNamesItsField() throws Exception {
        long community = place("230804007001");
        long communityOffice = organisation.officeOf(community).orElseThrow().id();
        String heating = code("供热设施损坏");
        mvc.perform(save("admin", heating, community, communityOffice)).andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("职能部门事项不得下沉社区")));
        mvc.perform(save("admin", "ZZ99", community, communityOffice)).andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("诉求分类 ZZ99 不存在")));
        assertThat(rules()).isZero();

        // A territorial matter may go to the community.
        mvc.perform(save("admin", code("邻里噪声纠纷"), community, communityOffice)).andExpect(redirectedUrl(PAGE));
        mvc.perform(post("/api/casework/responsibility").with(csrf()).with(SignedIn.as(accounts, "admin"))
                        .contentType("application/json").content("{\"categoryCode\":\"" + heating + "\",\"placeUnitId\":" + community
                                + ",\"mainUnit\":" + communityOffice + "}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("mainUnit"));
        assertThat(rules()).isEqualTo(1);
    }

    @Test
    void theTesterSaysWhoHandlesACategoryAtAPlaceAndWhy() throws Exception {
        String water = code("道路积水");
        long grid = place("230804007001001");
        long street = unitOf("yongan");
        var ask = get(PAGE + "/who-handles").param("categoryCode", water).param("placeUnitId", String.valueOf(grid))
                .with(SignedIn.as(accounts, "admin")).header("Accept-Language", "zh-CN");
        mvc.perform(ask).andExpect(status().isOk()).andExpect(content().string(containsString("data-reason=\"DEPARTMENT\"")))
                .andExpect(content().string(containsString("职能原则")));

        mvc.perform(save("admin", water, place("230804007001"), street)).andExpect(redirectedUrl(PAGE));
        mvc.perform(ask).andExpect(status().isOk()).andExpect(content().string(containsString("永安街道办事处")))
                .andExpect(content().string(containsString("data-reason=\"MATRIX\"")))
                .andExpect(content().string(containsString("责任规则：道路积水 在 ")));
        mvc.perform(get("/api/casework/responsibility/who-handles").param("categoryCode", water).param("placeUnitId", String.valueOf(grid))
                        .with(SignedIn.as(accounts, "qianjin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.unitId").value(street)).andExpect(jsonPath("$.reason").value("MATRIX"));

        mvc.perform(get(PAGE + "/who-handles").param("categoryCode", water).param("lng", "100").param("lat", "20")
                        .with(SignedIn.as(accounts, "admin")).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("field-error")));
        mvc.perform(get("/api/casework/responsibility/who-handles").param("categoryCode", "ZZ99").param("placeUnitId", String.valueOf(grid))
                        .with(SignedIn.as(accounts, "admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("categoryCode"));
    }
}
