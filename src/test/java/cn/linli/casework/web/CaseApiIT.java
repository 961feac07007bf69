package cn.linli.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

import com.jayway.jsonpath.JsonPath;

import cn.linli.access.internal.UserAccounts;
import cn.linli.casework.Categories;
import cn.linli.organisation.Organisation;
import cn.linli.shared.GeoPoint;
import cn.linli.territory.MapCoordinates;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.internal.BoundaryStore;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/**
 * The staff case API as a client uses it: intake with an idempotency key, every step of a case's life by its own
 * endpoint with the version read before, and the refusals a client must handle (400 naming the field, 403, 404
 * outside the caller's scope, 409 for a stale version or a step the state does not allow).
 */
@IntegrationTest
class CaseApiIT {

    static final String CASES = "/api/casework/cases";

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired Organisation organisation;
    @Autowired TerritoryQueries territory;
    @Autowired Categories categories;
    @Autowired BoundaryStore boundaries;
    @Autowired JdbcClient jdbc;

    long grid() {
        return territory.tree(null).findByCode("230804007001001").orElseThrow().id();
    }

    long unitOf(String username) {
        return organisation.unitsOf(accounts.findByUsername(username).orElseThrow().id()).get(0).id();
    }

    String rubbish() {
        return categories.search("暴露垃圾", 1).get(0).category().code().value();
    }

    String intakeJson(String category, String extra) {
        return """
                {"type": "COMPLAINT", "channel": "PHONE", "description": "永安社区3号楼东侧垃圾堆放三天无人清运。",
                 "address": "前进区永安社区3号楼", "reporterName": "王女士", "reporterPhone": "13845467788",
                 "wantsReturnVisit": true %s %s}""".formatted(category == null ? "" : ", \"categoryCode\": \"" + category + "\"",
                extra == null ? ", \"placeUnitId\": " + grid() : extra);
    }

    String send(String user, String path, String json, ResultMatcher expected) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json).with(csrf())
                        .with(SignedIn.as(accounts, user)))
                .andExpect(expected).andReturn().getResponse().getContentAsString();
    }

    String step(String user, long id, String action, String fields) throws Exception {
        String body = "{\"version\": " + version(user, id) + (fields == null ? "" : ", " + fields) + "}";
        return send(user, CASES + "/" + id + "/" + action, body, status().isOk());
    }

    long version(String user, long id) throws Exception {
        return ((Number) JsonPath.read(read(user, id), "$.version")).longValue();
    }

    String read(String user, long id) throws Exception {
        return mvc.perform(get(CASES + "/" + id).with(SignedIn.as(accounts, user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    long intake(String category) throws Exception {
        return ((Number) JsonPath.read(send("yongan-sq", CASES, intakeJson(category, null), status().isCreated()), "$.id")).longValue();
    }

    long dispatchedToChengguan() throws Exception {
        long id = intake(rubbish());
        step("yongan", id, "dispatch", "\"unitId\": " + unitOf("chengguan") + ", \"note\": \"请城管处理\"");
        return id;
    }

    static String state(String json) {
        return JsonPath.read(json, "$.state");
    }

    @Test
    void intakeAnswers201AndARetryWithTheSameKeyAnswers200WithTheSameCase() throws Exception {
        String key = UUID.randomUUID().toString();
        var first = mvc.perform(post(CASES).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(intakeJson(rubbish(), null)).with(csrf()).with(SignedIn.as(accounts, "yongan-sq")))
                .andExpect(status().isCreated()).andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.state").value("REGISTERED"))
                .andExpect(jsonPath("$.reporterPhoneMasked").value("138****7788"))
                .andReturn().getResponse().getContentAsString();
        var again = mvc.perform(post(CASES).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(intakeJson(rubbish(), null)).with(csrf()).with(SignedIn.as(accounts, "yongan-sq")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // the 201 is put together from what the intake wrote, the 200 reads the case: a client sees no difference
        assertThat(again).isEqualTo(first);
        assertThat(read("yongan-sq", ((Number) JsonPath.read(first, "$.id")).longValue())).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from casework_case where idempotency_key = :k").param("k", key).query(Long.class).single())
                .isEqualTo(1);
        String number = JsonPath.read(first, "$.number");
        mvc.perform(get(CASES + "/by-number/" + number).with(SignedIn.as(accounts, "yongan")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.number").value(number));
    }

    @Test
    void aPointGivenInGcj02IsStoredInWgs84AndLocatedInItsGrid() throws Exception {
        var inside = boundaries.loadAll().stream().filter(b -> b.unitId() == grid() && b.validTo() == null)
                .findFirst().orElseThrow().geometry().getInteriorPoint();
        GeoPoint gcj = MapCoordinates.fromWgs84("gcj02", new GeoPoint(inside.getX(), inside.getY()));
        String json = send("yongan-sq", CASES, intakeJson(rubbish(), ", \"lng\": %s, \"lat\": %s, \"crs\": \"gcj02\"".formatted(gcj.lng(), gcj.lat())),
                status().isCreated());
        assertThat(((Number) JsonPath.read(json, "$.gridId")).longValue()).isEqualTo(grid());
        assertThat((Double) JsonPath.read(json, "$.lng")).isCloseTo(inside.getX(), org.assertj.core.data.Offset.offset(1e-5));
        assertThat(read("yongan-sq", ((Number) JsonPath.read(json, "$.id")).longValue())).isEqualTo(json);
    }

    @Test
    void aRetryThatWouldNowBeRefusedStillAnswersTheCaseItMade() throws Exception {
        String key = UUID.randomUUID().toString();
        String first = mvc.perform(post(CASES).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(intakeJson(null, null)).with(csrf()).with(SignedIn.as(accounts, "yongan-sq")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        // the same key with a body that intake refuses (an unknown category): the first case, not a 400
        String again = mvc.perform(post(CASES).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(intakeJson("XX9999", null)).with(csrf()).with(SignedIn.as(accounts, "yongan-sq")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from casework_case where idempotency_key = :k").param("k", key).query(Long.class).single())
                .isEqualTo(1);
        // without a key, the same body is refused and makes no case
        send("yongan-sq", CASES, intakeJson("XX9999", null), status().isBadRequest());
    }

    @Test
    void theNormalPathWithExtensionReworkAndAReopeningReturnVisit() throws Exception {
        long id = dispatchedToChengguan();
        step("yongan", id, "supervise", "\"instructions\": \"请尽快处理\"");
        Instant deadline = Instant.parse(JsonPath.read(read("chengguan", id), "$.deadline"));
        step("chengguan", id, "extension", "\"until\": \"%s\", \"reason\": \"需协调环卫车辆\"".formatted(deadline.plus(3, ChronoUnit.DAYS)));
        String decided = step("yongan", id, "extension-decision", "\"approve\": true, \"note\": \"同意\"");
        assertThat(Instant.parse(JsonPath.read(decided, "$.deadline"))).isEqualTo(deadline.plus(3, ChronoUnit.DAYS));
        assertThat(state(step("chengguan", id, "accept", null))).isEqualTo("IN_PROGRESS");
        assertThat(state(step("chengguan", id, "result", "\"result\": \"已清运\""))).isEqualTo("HANDLED");
        assertThat(state(step("wanggeyuan", id, "verify", "\"passed\": false, \"note\": \"仍有残留\""))).isEqualTo("IN_PROGRESS");
        step("chengguan", id, "result", "\"result\": \"残留已清理\"");
        assertThat(state(step("wanggeyuan", id, "verify", "\"passed\": true"))).isEqualTo("CLOSED");
        String visited = step("yongan-sq", id, "return-visit", "\"satisfaction\": \"DISSATISFIED\", \"reopen\": true, \"note\": \"仍有异味\"");
        assertThat(state(visited)).isEqualTo("REGISTERED");
        assertThat(JsonPath.<java.util.List<String>>read(visited, "$.timeline[*].action")).containsExactly("RECEIVE", "REGISTER",
                "DISPATCH", "SUPERVISE", "REQUEST_EXTENSION", "APPROVE_EXTENSION", "ACCEPT", "REPORT_RESULT", "VERIFY_FAIL",
                "REPORT_RESULT", "VERIFY_PASS", "RETURN_VISIT", "REOPEN");
    }

    @Test
    void aRefusedExtensionIsInTheHistoryAndTheDeadlineStays() throws Exception {
        long id = dispatchedToChengguan();
        step("chengguan", id, "accept", null);
        String accepted = read("chengguan", id);
        Instant deadline = Instant.parse(JsonPath.read(accepted, "$.deadline"));
        Instant asked = deadline.plus(3, ChronoUnit.DAYS);
        step("chengguan", id, "extension", "\"until\": \"%s\", \"reason\": \"需协调环卫车辆\"".formatted(asked));
        String refused = step("yongan", id, "extension-decision", "\"approve\": false, \"note\": \"现有时限内可完成\"");
        assertThat(state(refused)).isEqualTo("IN_PROGRESS");
        assertThat(Instant.parse(JsonPath.read(refused, "$.deadline"))).isEqualTo(deadline);
        assertThat(JsonPath.<Object>read(refused, "$.requestedDeadline")).as("no request pending any more").isNull();
        assertThat(JsonPath.<String>read(refused, "$.timeline[-1].action")).isEqualTo("REFUSE_EXTENSION");
        assertThat(JsonPath.<String>read(refused, "$.timeline[-1].actor")).isEqualTo("yongan");
        assertThat(JsonPath.<String>read(refused, "$.timeline[-1].note")).isEqualTo("现有时限内可完成");
        assertThat(Instant.parse(JsonPath.read(refused, "$.timeline[-1].oldDeadline"))).isEqualTo(deadline);
        assertThat(Instant.parse(JsonPath.read(refused, "$.timeline[-1].newDeadline"))).as("the date refused").isEqualTo(asked);
        assertThat(Instant.parse(JsonPath.read(read("chengguan", id), "$.deadline"))).as("as the handler reads it").isEqualTo(deadline);
    }

    @Test
    void returnSuspendResumeAndVoidThroughTheApi() throws Exception {
        long id = dispatchedToChengguan();
        assertThat(state(step("chengguan", id, "return", "\"reason\": \"非城管职责\""))).isEqualTo("RETURNED");
        assertThat(state(step("yongan", id, "suspend", "\"reason\": \"等待产权单位答复\""))).isEqualTo("SUSPENDED");
        assertThat(state(step("yongan", id, "resume", null))).isEqualTo("RETURNED");
        assertThat(state(step("yongan", id, "void", "\"reason\": \"重复骚扰电话\""))).isEqualTo("VOIDED");
    }

    @Test
    void deskStepsRegisterAnswerRefuseAndMerge() throws Exception {
        long unregistered = intake(null);
        assertThat(state(read("yongan-sq", unregistered))).isEqualTo("RECEIVED");
        assertThat(state(step("yongan-sq", unregistered, "register", "\"categoryCode\": \"%s\", \"urgent\": true".formatted(rubbish()))))
                .isEqualTo("REGISTERED");
        assertThat(state(step("yongan-sq", intake(null), "answer", "\"answer\": \"已电话告知清运时间\""))).isEqualTo("ANSWERED");
        assertThat(state(step("yongan-sq", intake(null), "refuse", "\"reason\": \"属司法程序\""))).isEqualTo("NOT_ACCEPTED");
        long duplicate = intake(rubbish());
        String merged = step("yongan-sq", duplicate, "merge", "\"targetId\": " + unregistered);
        assertThat(state(merged)).isEqualTo("MERGED");
        assertThat(((Number) JsonPath.read(merged, "$.mergedInto")).longValue()).isEqualTo(unregistered);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndMakesNoCase() throws Exception {
        long before = jdbc.sql("select count(*) from casework_case").query(Long.class).single();
        send("yongan-sq", CASES, "{\"type\": \"COMPLAINT\", ", status().isBadRequest());
        send("yongan-sq", CASES, intakeJson(rubbish(), null).replace("\"COMPLAINT\"", "\"COMPLAIN\""), status().isBadRequest());
        String badEnum = send("yongan-sq", CASES, intakeJson(rubbish(), null).replace("\"PHONE\"", "\"FAX\""), status().isBadRequest());
        assertThat((String) JsonPath.read(badEnum, "$.field")).isEqualTo("channel");
        assertThat((String) JsonPath.read(badEnum, "$.message")).contains("channel", "WINDOW");
        String wrongType = send("yongan-sq", CASES, intakeJson(rubbish(), ", \"placeUnitId\": \"abc\""), status().isBadRequest());
        assertThat((String) JsonPath.read(wrongType, "$.field")).isEqualTo("placeUnitId");
        String tooLong = send("yongan-sq", CASES, intakeJson(rubbish(), null).replace("永安社区3号楼东侧垃圾堆放三天无人清运。", "长".repeat(4001)),
                status().isBadRequest());
        assertThat((String) JsonPath.read(tooLong, "$.field")).isEqualTo("description");
        assertThat((String) JsonPath.read(tooLong, "$.message")).contains("4,000");
        String crs = send("yongan-sq", CASES, intakeJson(rubbish(), ", \"lng\": 130.3, \"lat\": 46.8, \"crs\": \"mars\""), status().isBadRequest());
        assertThat((String) JsonPath.read(crs, "$.field")).isEqualTo("crs");
        assertThat(jdbc.sql("select count(*) from casework_case").query(Long.class).single()).isEqualTo(before);

        long id = intake(rubbish());
        String noUnit = send("yongan", CASES + "/" + id + "/dispatch", "{\"version\": " + version("yongan", id) + "}", status().isBadRequest());
        assertThat((String) JsonPath.read(noUnit, "$.field")).isEqualTo("unitId");
        String noVersion = send("yongan", CASES + "/" + id + "/dispatch", "{\"unitId\": " + unitOf("chengguan") + "}", status().isBadRequest());
        assertThat((String) JsonPath.read(noVersion, "$.field")).isEqualTo("version");
        assertThat(state(read("yongan", id))).isEqualTo("REGISTERED");
    }

    @Test
    void forbiddenStaleAndOutOfScopeStepsAreRefused() throws Exception {
        long id = dispatchedToChengguan();
        long seen = version("chengguan", id);
        mvc.perform(get(CASES + "/" + id).with(SignedIn.as(accounts, "gongre"))).andExpect(status().isNotFound());
        send("gongre", CASES + "/" + id + "/accept", "{\"version\": " + seen + "}", status().isNotFound());
        String forbidden = send("chengguan", CASES + "/" + id + "/suspend", "{\"version\": " + seen + ", \"reason\": \"x\"}",
                status().isForbidden());
        assertThat((String) JsonPath.read(forbidden, "$.message")).isNotBlank();
        send("chengguan", CASES + "/" + id + "/accept", "{\"version\": " + seen + "}", status().isOk());
        String stale = send("chengguan", CASES + "/" + id + "/return", "{\"version\": " + seen + ", \"reason\": \"晚了\"}",
                status().isConflict());
        assertThat((String) JsonPath.read(stale, "$.message")).contains("已被他人更新");
        send("chengguan", CASES + "/" + id + "/accept", "{\"version\": " + version("chengguan", id) + "}", status().isConflict());
        assertThat(state(read("chengguan", id))).isEqualTo("IN_PROGRESS");
    }
}
