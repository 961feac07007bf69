package cn.linli.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.linli.access.AccessManagement;
import cn.linli.access.NewUser;
import cn.linli.access.Role;
import cn.linli.access.internal.UserAccounts;
import cn.linli.open311.Open311Clients;
import cn.linli.registry.BuildingType;
import cn.linli.registry.HouseholdType;
import cn.linli.registry.MembershipKind;
import cn.linli.registry.NewBuilding;
import cn.linli.registry.NewHousehold;
import cn.linli.registry.NewResident;
import cn.linli.registry.Registry;
import cn.linli.registry.Relation;
import cn.linli.shared.DocumentKind;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/**
 * Script and HTML typed into text fields come back as text everywhere: on the pages that show them, in the JSON and
 * XML of the APIs and Open311, and in the exports (where a value that starts like a formula stays a text cell). SQL
 * in search and filter parameters is only text: no 500, no rows beyond those the text itself finds.
 */
@IntegrationTest
class ScriptInTextIT {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMAGE = "\"><img src=x onerror=alert(1)>";
    static final String GRID = "230804007001001";
    static final List<String> SQL = List.of("' or '1'='1", "1' or 1=1 --", "'; drop table casework_case; --",
            "%' union select null --", "\\'; select pg_sleep(0) --", "1)) or ((1=1");

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired AccessManagement access;
    @Autowired Registry registry;
    @Autowired Open311Clients clients;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    long grid() {
        return jdbc.sql("select unit_id from territory_unit_version where code = :code and valid_to is null").param("code", GRID)
                .query(Long.class).single();
    }

    String category() {
        return jdbc.sql("select code from casework_category_version where name_zh = '暴露垃圾' order by version desc")
                .query(String.class).list().get(0);
    }

    MockHttpServletResponse asAdmin(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(SignedIn.as(accounts, "admin")).with(csrf())).andReturn().getResponse();
    }

    static void shownAsText(String what, MockHttpServletResponse response) throws Exception {
        String body = response.getContentAsString();
        assertThat(response.getStatus()).as(what).isEqualTo(200);
        assertThat(body).as(what).doesNotContain(SCRIPT).doesNotContain("<img src=x").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void scriptInCaseAndRegistryFieldsIsEscapedOnEveryPageThatShowsIt() throws Exception {
        String created = asAdmin(post("/api/casework/cases").contentType(MediaType.APPLICATION_JSON).content("""
                {"type":"COMPLAINT","channel":"WINDOW","title":%s,"description":%s,"address":%s,"reporterName":%s,
                 "reporterPhone":"13900002222","placeUnitId":%d,"categoryCode":"%s"}""".formatted(json(SCRIPT), json(SCRIPT + IMAGE),
                json(IMAGE + SCRIPT), json(SCRIPT), grid(), category()))).getContentAsString();
        String id = ForeignObjects.field(created, "id");
        shownAsText("case page", asAdmin(get("/casework/cases/" + id)));
        shownAsText("dispatch board", asAdmin(get("/casework/board")));

        ActingAs.user(accounts, "admin");
        long building = registry.addBuilding(new NewBuilding(SCRIPT + "小区" + UUID.randomUUID().toString().substring(0, 6), null,
                grid(), BuildingType.RESIDENTIAL, 1, 6));
        long household = registry.addHousehold(new NewHousehold(building, 1, 1, "<b>301</b>", HouseholdType.REGISTERED, null));
        long resident = registry.register(new NewResident(SCRIPT, null, null, DocumentKind.RESIDENT_ID_CARD,
                ForeignObjects.idNumber(), null, null, null, null, null), household, MembershipKind.REGISTERED, Relation.HEAD,
                LocalDate.of(2020, 1, 1));
        ActingAs.nobody();
        shownAsText("resident page", asAdmin(get("/registry/residents/" + resident)));
        shownAsText("household page", asAdmin(get("/registry/households/" + household)));
        shownAsText("building page", asAdmin(get("/registry/buildings/" + building)));
    }

    @Test
    void scriptInAKnowledgeEntryIsEscapedOnItsPageAndInTheHighlightedSearchHits() throws Exception {
        String created = asAdmin(post("/api/knowledge/entries").contentType(MediaType.APPLICATION_JSON).content("""
                {"question":%s,"answer":%s,"categoryCodes":["%s"],"validFrom":"2026-01-01","ownerDepartment":"市民政局","changeNote":"扫查"}"""
                .formatted(json("供暖" + SCRIPT), json("供暖答复" + IMAGE + SCRIPT), category()))).getContentAsString();
        String id = ForeignObjects.field(created, "id");
        shownAsText("knowledge entry", asAdmin(get("/knowledge/" + id)));
        String hits = asAdmin(get("/knowledge").param("q", "供暖 script alert")).getContentAsString();
        assertThat(hits).as("highlighted hits: escaped, with the query's words marked")
                .doesNotContain(SCRIPT).doesNotContain("<img").contains("&lt;<mark>script</mark>&gt;<mark>alert</mark>(1)");
        String answers = asAdmin(get("/api/knowledge/answers").param("q", "供暖 alert")).getContentAsString();
        var html = java.util.regex.Pattern.compile("\"(?:questionHtml|snippetHtml)\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(answers);
        int fields = 0;
        while (html.find()) {
            fields++;
            assertThat(html.group(1)).as("questionHtml and snippetHtml are HTML: escaped (question and answer are plain JSON text)")
                    .doesNotContain("<script").doesNotContain("<img");
        }
        assertThat(fields).isGreaterThanOrEqualTo(2);
    }

    @Test
    void scriptInAnOpen311RequestComesBackEscapedInXmlAndAsPlainTextInJson() throws Exception {
        String key = clients.issue(accounts.findByUsername("admin").orElseThrow().toActor(), "xss-" + UUID.randomUUID(), 100).key();
        String service = jdbc.sql("select code from casework_category_version where name_zh = '暴露垃圾' order by version desc")
                .query(String.class).list().get(0);
        var filed = mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("api_key", key).param("service_code", service).param("address_string", IMAGE + "永安社区3号楼")
                .param("description", SCRIPT + IMAGE).param("first_name", SCRIPT).param("attribute[AMOUNT]", "cart")
                .param("attribute[KINDS][]", "household")).andReturn().getResponse();
        assertThat(filed.getStatus()).as(filed.getContentAsString()).isEqualTo(200);
        String xml = mvc.perform(get("/open311/v2/requests.xml").param("service_code", service)).andReturn().getResponse()
                .getContentAsString();
        assertThat(xml).doesNotContain("<script>").doesNotContain("<img");
        var json = mvc.perform(get("/open311/v2/requests.json").param("service_code", service)).andReturn().getResponse();
        assertThat(json.getContentType()).startsWith("application/json");
        assertThat(json.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aValueThatStartsLikeAFormulaStaysATextCellInTheRegistryExport() throws Exception {
        ActingAs.user(accounts, "admin");
        long building = registry.addBuilding(new NewBuilding("=HYPERLINK(\"http://evil.example\",\"点我\")" + UUID.randomUUID()
                .toString().substring(0, 6), null, grid(), BuildingType.RESIDENTIAL, 1, 6));
        long household = registry.addHousehold(new NewHousehold(building, 1, 1, "@SUM(1+1)", HouseholdType.REGISTERED, null));
        registry.register(new NewResident("+1+2", null, null, DocumentKind.RESIDENT_ID_CARD, ForeignObjects.idNumber(), null,
                null, null, null, null), household, MembershipKind.REGISTERED, Relation.HEAD, LocalDate.of(2020, 1, 1));
        long community = jdbc.sql("select parent_id from territory_unit_version where unit_id = :id and valid_to is null")
                .param("id", grid()).query(Long.class).single();
        ActingAs.nobody();
        var export = asAdmin(post("/registry/export").param("divisionId", "" + community));
        assertThat(export.getStatus()).isEqualTo(200);
        var formulaLike = new ArrayList<Cell>();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(export.getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                    if (cell.getCellType() == CellType.STRING && !cell.getStringCellValue().isEmpty()
                            && "=+-@".indexOf(cell.getStringCellValue().charAt(0)) >= 0) {
                        formulaLike.add(cell);
                    }
                }
            }
            assertThat(formulaLike).extracting(Cell::getStringCellValue).anyMatch(v -> v.startsWith("=HYPERLINK"))
                    .contains("@SUM(1+1)");
            assertThat(formulaLike).allSatisfy(cell -> assertThat(cell.getCellStyle().getDataFormatString())
                    .as("text format: typing over the cell keeps it text").isEqualTo("@"));
        }
    }

    @Test
    void sqlInSearchAndFilterParametersIsOnlyText() throws Exception {
        int cases = jdbc.sql("select count(*) from casework_case").query(Integer.class).single();
        var failures = new ArrayList<String>();
        for (String sql : SQL) {
            for (var request : List.of(get("/api/registry/search").param("q", sql), get("/registry").param("q", sql),
                    get("/api/territory/search").param("q", sql), get("/knowledge").param("q", sql),
                    get("/api/knowledge/answers").param("q", sql), get("/api/casework/categories/search").param("q", sql),
                    get("/casework/board").param("q", sql).param("queue", sql).param("area", sql),
                    get("/casework/desk/residents").param("q", sql), get("/access/audit").param("actor", sql).param("action", sql)
                            .param("subject", sql), get("/organisation/units").param("q", sql),
                    get("/open311/v2/requests.json").param("service_code", sql).param("status", sql)
                            .param("service_request_id", sql))) {
                var response = asAdmin(request);
                if (response.getStatus() >= 500) failures.add(sql + ": " + response.getStatus() + " " + response.getContentAsString());
                String body = response.getContentAsString();
                if (body.contains("SQL") || body.contains("syntax error")) failures.add(sql + ": database error shown");
            }
        }
        assertThat(failures).isEmpty();
        assertThat(jdbc.sql("select count(*) from casework_case").query(Integer.class).single()).isEqualTo(cases);
        assertThat(mvc.perform(get("/api/registry/search").param("q", "' or '1'='1").with(SignedIn.as(accounts, "admin")))
                .andReturn().getResponse().getContentAsString()).doesNotContain("\"id\"");
    }

    @Test
    void scriptInAnAccountNameIsTextAndSqlInTheAccountSearchFindsNothing() throws Exception {
        String username = "script-" + System.nanoTime() % 1_000_000;
        access.createUser(new NewUser(username, SCRIPT + IMAGE, "Skript2026abc", Set.of(Role.CITY_ADMIN), Set.of(), false));
        for (String admin : List.of("sysadmin", "secadmin")) {
            shownAsText("account list", mvc.perform(get("/access/accounts").param("q", username)
                    .with(SignedIn.as(accounts, admin))).andReturn().getResponse());
            shownAsText("account page", mvc.perform(get("/access/accounts/" + username)
                    .with(SignedIn.as(accounts, admin))).andReturn().getResponse());
        }
        var failures = new ArrayList<String>();
        for (String sql : SQL) {
            var list = get("/access/accounts").param("q", sql);
            for (var request : List.of(list, get("/access/accounts").param("q", sql).param("role", sql),
                    get("/access/accounts/new").param("unitQuery", sql))) {
                var response = mvc.perform(request.with(SignedIn.as(accounts, "sysadmin"))).andReturn().getResponse();
                String body = response.getContentAsString();
                if (response.getStatus() != 200) failures.add(sql + ": " + response.getStatus());
                if (body.contains("SQL") || body.contains("syntax error")) failures.add(sql + ": database error shown");
                if (request == list && !body.contains("共 0 个账号")) failures.add(sql + ": accounts found");
            }
        }
        assertThat(failures).isEmpty();
    }

    static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
