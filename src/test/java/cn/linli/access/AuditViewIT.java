package cn.linli.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.linli.access.internal.UserAccounts;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/** The audit page: for audit administrators only, filtered by actor, action, subject and dates, exported as CSV. */
@IntegrationTest
class AuditViewIT {

    @Autowired MockMvc mvc;
    @Autowired AuditLog audit;
    @Autowired UserAccounts accounts;

    final String marker = "case-" + UUID.randomUUID().toString().substring(0, 8);
    final String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    @BeforeEach
    void someEntries() {
        audit.recordAs("yongan", AuditActions.UNMASKED, "resident " + marker + " 永安社区", "field=x; reason=核实");
        audit.recordAs("qianjin", AuditActions.SENSITIVE_READ, "resident " + marker + " 前进区", "category=HEALTH");
        audit.recordAs("qianjin", AuditActions.UNMASKED, "resident " + marker + "-other", "field=y; reason=复核");
        audit.recordAs("yongan", AuditActions.UNMASKED, "=HYPERLINK(\"http://x\") " + marker, "reason=test");
    }

    RequestPostProcessor as(String username) {
        return SignedIn.as(accounts, username);
    }

    @Test
    void onlyAuditAdministratorsSeeTheAuditLog() throws Exception {
        for (String user : new String[] {"qianjin", "yongan", "yongan-sq", "wanggeyuan", "admin", "sysadmin", "secadmin"}) {
            mvc.perform(get("/access/audit").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/access/audit/export").with(as(user))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/access/audit").with(as("auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("审计日志"), containsString("查看完整信息"))));
    }

    @Test
    void aLongListPagesForwardAndBackKeepingItsFilter() throws Exception {
        String many = "paged-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 51; i++) audit.recordAs("yongan", AuditActions.UNMASKED, many, "n=" + i);

        String first = mvc.perform(get("/access/audit").param("subject", many).with(as("auditor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(first).contains("共 51 条", "第 1 / 2 页", "rel=\"next\"", "subject=" + many + "&amp;from=&amp;to=&amp;page=1")
                .doesNotContain("rel=\"prev\"");
        String second = mvc.perform(get("/access/audit").param("subject", many).param("page", "1").with(as("auditor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(second).contains("第 2 / 2 页", "rel=\"prev\"", "subject=" + many + "&amp;from=&amp;to=&amp;page=0")
                .doesNotContain("rel=\"next\"");
        // one page: no pager at all
        assertThat(mvc.perform(get("/access/audit").param("subject", marker).with(as("auditor"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("class=\"pager\"");
    }

    @Test
    void filtersNarrowTheEntries() throws Exception {
        mvc.perform(get("/access/audit").param("subject", marker.toUpperCase()).with(as("auditor")))
                .andExpect(content().string(allOf(containsString("共 4 条"), containsString(marker + " 永安社区"))));
        mvc.perform(get("/access/audit").param("subject", marker).param("actor", "QIANJIN").with(as("auditor")))
                .andExpect(content().string(allOf(containsString("共 2 条"), not(containsString("永安社区")))));
        mvc.perform(get("/access/audit").param("subject", marker).param("action", AuditActions.UNMASKED).param("actor", "qianjin")
                        .with(as("auditor")))
                .andExpect(content().string(allOf(containsString("共 1 条"), containsString(marker + "-other"))));
        mvc.perform(get("/access/audit").param("subject", marker).param("from", today).param("to", today).with(as("auditor")))
                .andExpect(content().string(containsString("共 4 条")));
        String tomorrow = LocalDate.parse(today).plusDays(1).toString();
        mvc.perform(get("/access/audit").param("subject", marker).param("from", tomorrow).with(as("auditor")))
                .andExpect(content().string(containsString("共 0 条")));
        mvc.perform(get("/access/audit").param("subject", marker + "' or '1'='1").with(as("auditor")))
                .andExpect(content().string(containsString("共 0 条")));
        mvc.perform(get("/access/audit").param("subject", "%").with(as("auditor")))
                .andExpect(content().string(containsString("共 0 条")));
        mvc.perform(get("/access/audit").param("from", tomorrow).param("to", today).with(as("auditor")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("结束日期早于开始日期。")));
        mvc.perform(get("/access/audit").param("subject", marker).param("lang", "en").with(as("auditor")))
                .andExpect(content().string(allOf(containsString("4 entries"), containsString("Full value shown"))));
    }

    @Test
    void theExportIsACsvForExcelAndIsItselfAudited() throws Exception {
        byte[] csv = mvc.perform(get("/access/audit/export").param("subject", marker).with(as("auditor")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();

        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFid,");
        assertThat(text.lines()).hasSize(5);
        assertThat(text).contains("\"resident " + marker + " 永安社区\"", "\"'=HYPERLINK(\"\"http://x\"\") " + marker + "\"");
        var exported = audit.search(new AuditQuery("auditor", AuditActions.AUDIT_EXPORTED, null, null, null), 0, 50).entries();
        assertThat(exported).anySatisfy(entry -> assertThat(entry.detail()).contains("subject=" + marker, "rows=4"));
    }

    @Test
    void theAuditAdministratorChecksTheChainWithAButton() throws Exception {
        mvc.perform(post("/access/audit/verify").with(csrf()).with(as("auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("审计日志完整：已校验"), containsString("哈希链未被改动"))));
        for (String user : new String[] {"admin", "sysadmin", "secadmin"}) {
            mvc.perform(post("/access/audit/verify").with(csrf()).with(as(user))).andExpect(status().isForbidden());
        }
        var checks = audit.search(new AuditQuery("auditor", AuditActions.AUDIT_CHAIN_CHECKED, null, null, null), 0, 5).entries();
        assertThat(checks).isNotEmpty();
        assertThat(checks.get(0).detail()).startsWith("audit chain intact");
    }
}
