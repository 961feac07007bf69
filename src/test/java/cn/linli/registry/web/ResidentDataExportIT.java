package cn.linli.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import cn.linli.access.internal.UserAccounts;
import cn.linli.registry.Registry;
import cn.linli.registry.RegistryQueries;
import cn.linli.territory.TerritoryQueries;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/**
 * A resident's own data exported at their request: everything unmasked, as .xlsx and JSON, with a reason, audited;
 * refused without a reason, for roles without the permission and outside the scope.
 */
@IntegrationTest
class ResidentDataExportIT {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired Registry registry;
    @Autowired RegistryQueries queries;
    @Autowired TerritoryQueries territory;
    @Autowired JdbcClient jdbc;

    WebFixture.Person mine;
    WebFixture.Person neighbours;

    @BeforeEach
    void resident() {
        ActingAs.user(accounts, "admin");
        mine = WebFixture.person(registry, territory, "230804007001001", "诸葛明亮");
        neighbours = WebFixture.person(registry, territory, "230804007002001", "诸葛暗淡");
        registry.addCareTag(mine.id(), "COMMUNITY_CORRECTION", null, LocalDate.of(2025, 1, 1), null);
        ActingAs.user(accounts, "wanggeyuan");
        registry.recordVisit(mine.household(), LocalDate.now(ScopeGrids.CITY_ZONE), "诸葛老人腿脚不便，需送药上门", true);
        ActingAs.user(accounts, "yongan-sq");
        queries.unmaskDocument(mine.id(), "核对养老补贴");
        ActingAs.nobody();
    }

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    MockHttpServletResponse export(String user, long id, String reason, String format) throws Exception {
        return mvc.perform(post("/registry/residents/" + id + "/data-export").param("reason", reason).param("format", format)
                .with(csrf()).with(SignedIn.as(accounts, user))).andReturn().getResponse();
    }

    int exports(String action) {
        return jdbc.sql("select count(*) from access_audit where action = ? and subject = ?")
                .params(action, "resident " + mine.id()).query(Integer.class).single();
    }

    @Test
    void theJsonHoldsEverythingUnmaskedAndTheExportIsAudited() throws Exception {
        var response = export("yongan-sq", mine.id(), "本人书面申请 2026-017", "json");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Content-Disposition")).contains(".json");
        String json = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).contains("诸葛明亮", mine.idNumber(), mine.phone(), "网页测试小区", "COMMUNITY_CORRECTION",
                "诸葛老人腿脚不便", "\"action\" : \"UNMASKED\"", "核对养老补贴");
        assertThat(exports("REGISTRY_SUBJECT_EXPORTED")).isEqualTo(1);
        assertThat(jdbc.sql("select detail from access_audit where action = 'REGISTRY_SUBJECT_EXPORTED' and subject = ?")
                .param("resident " + mine.id()).query(String.class).single()).contains("format=json", "本人书面申请 2026-017");
    }

    @Test
    void theWorkbookHasASheetForEachKindOfData() throws Exception {
        var response = export("yongan-sq", mine.id(), "本人申请", "xlsx");
        assertThat(response.getContentType()).contains("spreadsheetml");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(5);
            assertThat(book.getSheetName(0)).isEqualTo("个人信息");
            var format = new DataFormatter();
            StringBuilder personal = new StringBuilder();
            book.getSheetAt(0).forEach(row -> row.forEach(cell -> personal.append(format.formatCellValue(cell)).append('|')));
            assertThat(personal).contains("诸葛明亮", mine.idNumber(), mine.phone());
            assertThat(book.getSheet("住户记录").getLastRowNum()).isEqualTo(1);
            assertThat(format.formatCellValue(book.getSheet("走访记录").getRow(1).getCell(3))).contains("送药上门");
            assertThat(book.getSheet("查阅记录").getLastRowNum()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void withoutAReasonWithoutPermissionOrOutsideTheScopeNothingIsExported() throws Exception {
        var noReason = export("yongan-sq", mine.id(), " ", "json");
        assertThat(noReason.getStatus()).isEqualTo(303);
        String page = mvc.perform(get(noReason.getRedirectedUrl() == null ? noReason.getHeader("Location") : noReason.getRedirectedUrl())
                .with(SignedIn.as(accounts, "yongan-sq"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("请填写居民本人申请导出的事由");
        assertThat(export("wanggeyuan", mine.id(), "本人申请", "json").getStatus()).isEqualTo(403);
        assertThat(exports("REGISTRY_SUBJECT_EXPORT_REFUSED")).isEqualTo(1);
        assertThat(export("yongan-sq", neighbours.id(), "本人申请", "json").getStatus()).isEqualTo(404);
        assertThat(exports("REGISTRY_SUBJECT_EXPORTED")).isZero();
    }

    @Test
    void theApiAnswersTheSameData() throws Exception {
        var response = mvc.perform(post("/api/registry/residents/" + mine.id() + "/data-export")
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"本人申请\"}").with(csrf())
                .with(SignedIn.as(accounts, "yongan-sq"))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains(mine.idNumber(), "\"memberships\"");
        assertThat(mvc.perform(post("/api/registry/residents/" + mine.id() + "/data-export")
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}").with(csrf())
                .with(SignedIn.as(accounts, "yongan-sq"))).andReturn().getResponse().getStatus()).isEqualTo(400);
    }
}
