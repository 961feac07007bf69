package cn.linli.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;

import cn.linli.access.internal.UserAccounts;
import cn.linli.casework.CaseQueries;
import cn.linli.casework.CaseState;
import cn.linli.casework.CaseView;
import cn.linli.casework.CaseWork;
import cn.linli.casework.Channel;
import cn.linli.casework.NewCase;
import cn.linli.casework.RequestType;
import cn.linli.organisation.Organisation;
import cn.linli.shared.GeoPoint;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.internal.BoundaryStore;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/**
 * A request filed through Open311 is worked at the desk like any other and its client sees it closed with the notes
 * written for the reporter; what is not public (confidential cases and categories) never shows, and sensitive
 * categories show only a coarse location.
 */
@IntegrationTest
class Open311RoundTripIT {

    @Autowired MockMvc mvc;
    @Autowired Open311Clients clients;
    @Autowired UserAccounts accounts;
    @Autowired TerritoryQueries territory;
    @Autowired BoundaryStore boundaries;
    @Autowired CaseWork work;
    @Autowired CaseQueries queries;
    @Autowired Organisation organisation;

    @AfterEach
    void signOut() {
        ActingAs.nobody();
    }

    Open311Fixtures fixtures() {
        return new Open311Fixtures(clients, accounts, territory, boundaries);
    }

    JsonNode json(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(200);
        return Shapes.json(body);
    }

    long unitOf(String username) {
        return organisation.unitsOf(accounts.findByUsername(username).orElseThrow().id()).get(0).id();
    }

    CaseView view(String number) {
        return queries.findByNumber(number).orElseThrow();
    }

    @Test
    void filedThroughOpen311WorkedAtTheDeskAndSeenClosedWithItsNotes() throws Exception {
        String started = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusSeconds(2).withNano(0).toString();
        String key = fixtures().key(100);
        String number = json(fixtures().rubbish("json", key, "永安社区南门垃圾堆了三天。")).get(0).get("service_request_id").asString();

        ActingAs.user(accounts, "yongan");
        CaseView filed = view(number);
        assertThat(filed.state()).isEqualTo(CaseState.REGISTERED);
        assertThat(filed.timeline().get(0).actor()).startsWith("open311:");
        work.dispatch(filed.id(), filed.version(), unitOf("chengguan"), Set.of(), "请城管处理");
        ActingAs.user(accounts, "chengguan");
        work.accept(filed.id(), view(number).version());
        work.reportResult(filed.id(), view(number).version(), "已安排环卫清运，现场已清理干净。");
        ActingAs.user(accounts, "wanggeyuan");
        work.verify(filed.id(), view(number).version(), true, "现场核实已清理");
        ActingAs.nobody();

        JsonNode request = json(get("/open311/v2/requests/" + number + ".json")).get(0);
        assertThat(request.get("status").asString()).isEqualTo("closed");
        assertThat(request.get("status_notes").asString()).isEqualTo("现场核实已清理");
        assertThat(request.get("agency_responsible").asString()).isEqualTo(organisation.find(unitOf("chengguan")).orElseThrow().name());
        assertThat(request.get("expected_datetime").isNull()).isTrue();
        assertThat(json(get("/open311/v2/requests.json").param("status", "closed").param("service_code", "SJ0102")))
                .extracting(n -> n.get("service_request_id").asString()).contains(number);
        assertThat(json(get("/open311/v2/requests.json").param("status", "open").param("service_code", "SJ0102")))
                .extracting(n -> n.get("service_request_id").asString()).doesNotContain(number);

        List<String> updates = new ArrayList<>();
        json(get("/open311/v2/servicerequestupdates.json").param("service_request_id", number))
                .forEach(u -> updates.add(u.get("status").asString() + " " + u.get("description").asString()));
        assertThat(updates).contains("closed 现场核实已清理", "open 已安排环卫清运，现场已清理干净。")
                .as("dispatch notes are internal").noneMatch(u -> u.contains("请城管处理"));
        assertThat(json(get("/open311/v2/servicerequestupdates.json").param("start_date", started)))
                .as("updates of a period, as clients poll them").extracting(u -> u.get("service_request_id").asString() + " "
                        + u.get("description").asString()).contains(number + " 现场核实已清理");
    }

    @Test
    void aCommentAClientSendsIsShownToStaffOnTheCasePageNamedByItsClientAndEscaped() throws Exception {
        String client = "fixmystreet-" + java.util.UUID.randomUUID();
        String key = clients.issue(accounts.findByUsername("admin").orElseThrow().toActor(), client, 100).key();
        String number = json(fixtures().rubbish("json", key, "路边垃圾桶坏了。")).get(0).get("service_request_id").asString();
        for (int attempt = 0; attempt < 2; attempt++) {
            // a client retrying the same update (same update_id) adds it once
            json(post("/open311/v2/servicerequestupdates.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .param("api_key", key).param("service_request_id", number).param("update_id", "fms-7")
                    .param("description", "桶还是坏的<script>alert(1)</script>").param("media_url", "https://photos.example.org/7.jpg"));
        }
        ActingAs.user(accounts, "yongan");
        long id = view(number).id();
        String page = mvc.perform(get("/casework/cases/{id}", id).with(SignedIn.as(accounts, "yongan")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("外部系统补充说明", client, "桶还是坏的&lt;script&gt;alert(1)&lt;/script&gt;",
                "href=\"https://photos.example.org/7.jpg\"").doesNotContain("<script>alert(1)");
        assertThat(page.split("桶还是坏的", -1)).as("one note, not two").hasSize(2);
        ActingAs.user(accounts, "yongan");
        assertThat(view(number).state()).as("a comment changes nothing").isEqualTo(CaseState.REGISTERED);
    }

    @Test
    void confidentialCasesNeverShowAndSensitiveCategoriesShowACoarseLocation() throws Exception {
        GeoPoint p = fixtures().inGrid();
        ActingAs.user(accounts, "yongan-sq");
        String welfare = work.receive(request("FW0201", "申请低保，身份证号230803198001011234。", p, false)).number();
        String secret = work.receive(request("SJ0102", "举报人要求保密的垃圾问题。", p, true)).number();
        String noise = work.receive(request("SJ0601", "楼下歌厅夜里噪声扰民。", p, false)).number();
        ActingAs.nobody();

        JsonNode listed = json(get("/open311/v2/requests.json").param("service_request_id", welfare + "," + secret + "," + noise));
        assertThat(listed).extracting(n -> n.get("service_request_id").asString()).containsExactly(noise);
        JsonNode shown = listed.get(0);
        assertThat(shown.get("lat").asDouble()).isNotEqualTo(p.lat()).isCloseTo(p.lat(), org.assertj.core.data.Offset.offset(0.001));
        assertThat(shown.get("long").asDouble()).isNotEqualTo(p.lng()).isCloseTo(p.lng(), org.assertj.core.data.Offset.offset(0.002));
        assertThat(mvc.perform(get("/open311/v2/requests/" + welfare + ".json")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/open311/v2/requests/" + secret + ".xml")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void listsFilterByDatesUpdatesAndPages() throws Exception {
        String key = fixtures().key(100);
        String older = json(fixtures().rubbish("json", key, "第一件：垃圾")).get(0).get("service_request_id").asString();
        String newer = json(fixtures().rubbish("json", key, "第二件：垃圾")).get(0).get("service_request_id").asString();
        String both = older + "," + newer;
        String tomorrow = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).withNano(0).toString();
        assertThat(json(get("/open311/v2/requests.json").param("service_code", "SJ0102").param("start_date", tomorrow))).isEmpty();
        assertThat(json(get("/open311/v2/requests.json").param("service_code", "SJ0102").param("updated_after", tomorrow))).isEmpty();
        JsonNode firstPage = json(get("/open311/v2/requests.json").param("service_code", "SJ0102").param("page_size", "1"));
        JsonNode secondPage = json(get("/open311/v2/requests.json").param("service_code", "SJ0102").param("page_size", "1").param("page", "2"));
        assertThat(firstPage).hasSize(1);
        assertThat(firstPage.get(0).get("service_request_id").asString()).isEqualTo(newer);
        assertThat(secondPage.get(0).get("service_request_id").asString()).isEqualTo(older);
        assertThat(json(get("/open311/v2/requests.json").param("service_request_id", both))).hasSize(2);
    }

    NewCase request(String category, String description, GeoPoint p, boolean confidential) {
        return new NewCase(RequestType.COMPLAINT, Channel.WINDOW, null, description, p, null, "前进区永安社区", "李先生",
                "13904541234", false, confidential, false, category, false, null);
    }
}
