package cn.linli.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

import cn.linli.access.internal.UserAccounts;
import cn.linli.cluster.ClusterSignals;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.OtherInstance;
import cn.linli.testing.SignedIn;

/**
 * The knowledge base as call-takers and editors use it, through the API and the pages, on the demo entries and on
 * entries of each test's own (with words no other test uses, since the tests share one database).
 */
@IntegrationTest
class KnowledgeIT {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired ClusterSignals signals;
    @Autowired KnowledgeBase knowledge;

    RequestPostProcessor as(String username) {
        return SignedIn.as(accounts, username);
    }

    long entries() {
        return jdbc.sql("select count(*) from knowledge_entry").query(Long.class).single();
    }

    @Test
    void theWindowFindsTheDemoAnswerForAComplaintInItsOwnWords() throws Exception {
        mvc.perform(get("/api/knowledge/answers").param("q", "我家暖气一点都不热").with(as("yongan-sq")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].entry.question").value("家里暖气不热，室内温度达不到标准怎么办？"))
                .andExpect(jsonPath("$[0].questionHtml").value(containsString("<mark>暖气</mark>")));
        // 采暖 is no word of the entry: the default synonyms (暖气, 供暖, 采暖, 供热) find it
        mvc.perform(get("/api/knowledge/answers").param("q", "采暖不热").with(as("yongan-sq")))
                .andExpect(jsonPath("$[0].entry.question").value("家里暖气不热，室内温度达不到标准怎么办？"));
        // the chosen category ranks its own entries first: a leak from upstairs, not a radiator
        mvc.perform(get("/api/knowledge/answers").param("q", "漏水").param("category", "FW0502").with(as("yongan-sq")))
                .andExpect(jsonPath("$[0].entry.categoryCodes[0]").value("FW0502"));
        mvc.perform(get("/knowledge/suggestions").param("q", "闻到煤气味").with(as("yongan-sq")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("户内<mark>燃气</mark>泄漏")));
    }

    @Test
    void anEntryPastItsEndDateIsNoAnswerAndIsFlaggedForReview() throws Exception {
        mvc.perform(get("/api/knowledge/answers").param("q", "2025—2026年度供暖费缴费期").with(as("yongan-sq")))
                .andExpect(jsonPath("$[*].entry.question", not(hasItem("2025—2026年度供暖费缴费期是什么时候？"))));
        mvc.perform(get("/knowledge").param("stale", "true").with(as("yongan-sq")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2025—2026年度供暖费缴费期是什么时候？")))
                .andExpect(content().string(not(containsString("家里暖气不热"))));
    }

    @Test
    void editorsWriteReviseAndRetireEntriesAndEveryVersionIsKept() throws Exception {
        String body = """
                {"question": "鹦鹉螺小区的快递柜坏了找谁？", "answer": "请联系快递柜运营公司的客服。",
                 "categoryCodes": ["fw0603"], "ownerDepartment": "社区", "validFrom": "2026-01-01"}""";
        long before = entries();
        String created = mvc.perform(post("/api/knowledge/entries").with(as("admin")).with(csrf())
                        .header("Idempotency-Key", "test-parrot-1").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.categoryCodes[0]").value("FW0603"))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        // the client's retry makes no second entry
        mvc.perform(post("/api/knowledge/entries").with(as("admin")).with(csrf())
                        .header("Idempotency-Key", "test-parrot-1").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.id").value(id));
        assertThat(entries()).isEqualTo(before + 1);
        mvc.perform(get("/api/knowledge/answers").param("q", "鹦鹉螺 快递柜").with(as("yongan-sq")))
                .andExpect(jsonPath("$[0].entry.id").value(id));

        String revision = """
                {"version": 1, "question": "鹦鹉螺小区的快递柜坏了找谁？", "answer": "请拨打快递柜上张贴的客服电话报修。",
                 "categoryCodes": ["FW0603"], "ownerDepartment": "社区", "validFrom": "2026-01-01", "changeNote": "改为报修电话"}""";
        mvc.perform(put("/api/knowledge/entries/{id}", id).with(as("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(revision))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        // a second editor who still had version 1 open is told, and changes nothing
        mvc.perform(put("/api/knowledge/entries/{id}", id).with(as("chengguan")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(revision.replace("报修。", "维修。")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(containsString("已被他人修改")));
        mvc.perform(get("/api/knowledge/entries/{id}/versions", id).with(as("yongan-sq")))
                .andExpect(jsonPath("$[0].version").value(2))
                .andExpect(jsonPath("$[0].changeNote").value("改为报修电话"))
                .andExpect(jsonPath("$[1].answer").value("请联系快递柜运营公司的客服。"));
        mvc.perform(get("/api/knowledge/answers").param("q", "鹦鹉螺 快递柜").with(as("yongan-sq")))
                .andExpect(jsonPath("$[0].entry.answer").value("请拨打快递柜上张贴的客服电话报修。"));

        mvc.perform(post("/api/knowledge/entries/{id}/retire", id).with(as("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 2}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("changeNote"));
        mvc.perform(post("/api/knowledge/entries/{id}/retire", id).with(as("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 2, \"reason\": \"快递柜已拆除\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.retired").value(true));
        mvc.perform(get("/api/knowledge/answers").param("q", "鹦鹉螺 快递柜").with(as("yongan-sq")))
                .andExpect(jsonPath("$[*].entry.id", not(hasItem((int) id))));
    }

    @Test
    void badEntriesAreRefusedWithTheReasonAndNothingIsStored() throws Exception {
        long before = entries();
        String good = """
                {"question": "海豚湾的路灯不亮怎么办？", "answer": "请登记工单。", "categoryCodes": ["BJ01"],
                 "ownerDepartment": "住建局", "validFrom": "2026-01-01"}""";
        mvc.perform(post("/api/knowledge/entries").with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(good.replace("\"BJ01\"", "\"路灯\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("categoryCodes"))
                .andExpect(jsonPath("$.message").value(containsString("“路灯”不是诉求分类代码")));
        mvc.perform(post("/api/knowledge/entries").with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(good.replace("\"validFrom\": \"2026-01-01\"", "\"validFrom\": \"2026-01-01\", \"validTo\": \"2025-12-31\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("validTo"));
        mvc.perform(post("/api/knowledge/entries").with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(good.replace("请登记工单。", "很长".repeat(4_001))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("answer"))
                .andExpect(jsonPath("$.message").value(containsString("最多 8,000")));
        mvc.perform(post("/api/knowledge/entries").with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(good.replace("海豚湾的路灯不亮怎么办？", " ")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("question"));
        // a grid worker reads the knowledge base but does not write it
        mvc.perform(post("/api/knowledge/entries").with(as("wanggeyuan")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(good))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/knowledge/entries/{id}", 999_999).with(as("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(good.replace("{", "{\"version\": 1, ")))
                .andExpect(status().isNotFound());
        assertThat(entries()).isEqualTo(before);
    }

    @Test
    void thePagesShowSearchAnEntryAndItsVersionsAndRefuseABadForm() throws Exception {
        mvc.perform(get("/knowledge").param("q", "低保申请").with(as("yongan-sq")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("需要什么条件和材料？")))
                .andExpect(content().string(not(containsString("id=\"new-entry\""))));
        mvc.perform(get("/knowledge/new").with(as("yongan-sq"))).andExpect(status().isForbidden());
        mvc.perform(get("/knowledge/new").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"requestKey\"")));

        long before = entries();
        mvc.perform(post("/knowledge").with(as("admin")).with(csrf())
                        .param("question", "珊瑚礁小区能办理养犬登记吗？").param("answer", " ").param("categoryCodes", "FW04")
                        .param("ownerDepartment", "公安局").param("validFrom", "2026-01-01").param("requestKey", "page-coral"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("此项必填")))
                .andExpect(content().string(containsString("珊瑚礁小区能办理养犬登记吗？")));
        assertThat(entries()).isEqualTo(before);
        String location = mvc.perform(post("/knowledge").with(as("admin")).with(csrf())
                        .param("question", "珊瑚礁小区能办理养犬登记吗？").param("answer", "养犬登记到派出所办理。")
                        .param("categoryCodes", "FW04").param("ownerDepartment", "公安局").param("validFrom", "2026-01-01")
                        .param("validTo", "不是日期").param("requestKey", "page-coral"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("“不是日期”不是有效日期")))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).isNull();
        location = mvc.perform(post("/knowledge").with(as("admin")).with(csrf())
                        .param("question", "珊瑚礁小区能办理养犬登记吗？").param("answer", "养犬登记到派出所办理。")
                        .param("categoryCodes", "FW04").param("ownerDepartment", "公安局").param("validFrom", "2026-01-01")
                        .param("requestKey", "page-coral"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("养犬登记到派出所办理。")))
                .andExpect(content().string(containsString("id=\"knowledge-versions\"")));
        String id = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(post("/knowledge/{id}", id).with(as("admin")).with(csrf())
                        .param("version", "1").param("question", "珊瑚礁小区能办理养犬登记吗？").param("answer", "到派出所办理。")
                        .param("categoryCodes", "FW04").param("ownerDepartment", "公安局").param("validFrom", "2026-01-01"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/knowledge/{id}", id).with(as("admin")).with(csrf())
                        .param("version", "1").param("question", "珊瑚礁小区能办理养犬登记吗？").param("answer", "别处。")
                        .param("categoryCodes", "FW04").param("ownerDepartment", "公安局").param("validFrom", "2026-01-01"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("已被他人修改")));
        mvc.perform(get("/knowledge/{id}", 999_999).with(as("admin"))).andExpect(status().isNotFound());
    }

    @Test
    void synonymsAreEditedAsGroupsAndABadLineChangesNothing() throws Exception {
        List<List<String>> defaults = knowledge.synonyms();
        try {
            mvc.perform(post("/knowledge/synonyms").with(as("admin")).with(csrf()).param("text", "暖气,供暖\n孤零零"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("第 2 行")));
            assertThat(knowledge.synonyms()).isEqualTo(defaults);
            mvc.perform(post("/knowledge/synonyms").with(as("yongan-sq")).with(csrf()).param("text", "甲,乙"))
                    .andExpect(status().isForbidden());

            mvc.perform(post("/knowledge/synonyms").with(as("admin")).with(csrf())
                            .param("text", "闻到,嗅到\n" + cn.linli.knowledge.internal.SynonymGroups.format(defaults)))
                    .andExpect(status().is3xxRedirection());
            mvc.perform(get("/api/knowledge/answers").param("q", "嗅到煤气").with(as("yongan-sq")))
                    .andExpect(jsonPath("$[0].entry.question").value("闻到燃气（煤气）味怎么办？"));
        } finally {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("delete from knowledge_synonym").update();
                for (List<String> group : defaults) {
                    jdbc.sql("insert into knowledge_synonym (words, changed_by, changed_at) values (:w, 'test', :at)")
                            .param("w", String.join(",", group)).param("at", OffsetDateTime.now()).update();
                }
            });
            // the index takes the restored list as it would another instance's change
            transactions.executeWithoutResult(status -> OtherInstance.signal(jdbc, signals, "knowledge"));
        }
    }

    @Test
    void anEntryWrittenByAnotherInstanceIsFoundHereAfterItsSignal() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    insert into knowledge_entry (version, question, answer, category_codes, valid_from, owner_department,
                        retired, changed_by, changed_at) values (1, '水母湾社区的健身器材坏了找谁？', '由社区报修。', 'FW0603',
                        date '2026-01-01', '社区', false, 'elsewhere', current_timestamp)""").update();
            OtherInstance.signal(jdbc, signals, "knowledge");
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(knowledge.answers("水母湾 健身器材", List.of(), 5))
                .extracting(hit -> hit.entry().question()).contains("水母湾社区的健身器材坏了找谁？"));
    }
}
