package cn.linli.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Element;

import tools.jackson.databind.JsonNode;

import cn.linli.access.internal.UserAccounts;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.internal.BoundaryStore;
import cn.linli.testing.IntegrationTest;

/**
 * Every GeoReport v2 method in XML and JSON against the specification's example documents (src/test/resources/open311):
 * the same element names in the same order and nesting; refusals in the specification's error format with its status.
 */
@IntegrationTest
class Open311ConformanceIT {

    @Autowired MockMvc mvc;
    @Autowired Open311Clients clients;
    @Autowired UserAccounts accounts;
    @Autowired TerritoryQueries territory;
    @Autowired BoundaryStore boundaries;
    @Autowired JdbcClient jdbc;

    Open311Fixtures fixtures() {
        return new Open311Fixtures(clients, accounts, territory, boundaries);
    }

    String body(MockHttpServletRequestBuilder request, int status) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
        return body;
    }

    void sameShape(String format, String example, String answer) {
        if (format.equals("xml")) {
            assertThat(Shapes.xmlShape(answer)).isEqualTo(Shapes.xmlShape(Shapes.example(example + ".xml")));
        } else {
            assertThat(Shapes.jsonShape(answer)).isEqualTo(Shapes.jsonShape(Shapes.example(example + ".json")));
        }
    }

    long cases() {
        return jdbc.sql("select count(*) from casework_case").query(Long.class).single();
    }

    @Test
    void discoveryServicesAndDefinitionsHaveTheSpecificationsShape() throws Exception {
        for (String format : List.of("xml", "json")) {
            sameShape(format, "discovery", body(get("/open311/v2/discovery." + format), 200));
            sameShape(format, "services", body(get("/open311/v2/services." + format), 200));
            sameShape(format, "service-definition", body(get("/open311/v2/services/SJ0102." + format), 200));
        }
        String services = body(get("/open311/v2/services.xml"), 200);
        assertThat(services).contains("<service_code>SJ0102</service_code>")
                .as("confidential categories are never offered").doesNotContain("<service_code>FW0201</service_code>");
    }

    @Test
    void aPostedRequestIsACaseTakenInThroughCaseworksIntakeAndAnswersInTheSpecificationsShape() throws Exception {
        String key = fixtures().key(100);
        for (String format : List.of("xml", "json")) {
            String answer = body(fixtures().rubbish(format, key, "小区门口垃圾成堆，联系电话13845467788。")
                    .param("first_name", "芳").param("last_name", "王").param("phone", "13845467788")
                    .param("email", "wang@example.cn").param("media_url", "https://img.example.cn/a.jpg"), 200);
            sameShape(format, "post-request", answer);
            String number = format.equals("xml") ? text(Shapes.xml(answer), "service_request_id")
                    : Shapes.json(answer).get(0).get("service_request_id").asString();
            var stored = jdbc.sql("select channel, category_code, state, grid_id, reporter_name, reporter_phone, description"
                    + " from casework_case where number = :n").param("n", number).query().singleRow();
            assertThat(stored.get("channel")).isEqualTo("API");
            assertThat(stored.get("category_code")).isEqualTo("SJ0102");
            assertThat(stored.get("state")).isEqualTo("REGISTERED");
            assertThat(stored.get("grid_id")).isNotNull();
            assertThat(stored.get("reporter_name")).isEqualTo("王芳");
            assertThat((String) stored.get("reporter_phone")).isNotBlank().doesNotContain("13845467788");
            assertThat((String) stored.get("description")).contains("一推车").contains("生活垃圾、大件家具")
                    .as("an attribute the service does not ask is ignored").doesNotContain("ignored");
            assertThat(jdbc.sql("select email from open311_request r join casework_case c on c.id = r.case_id where c.number = :n")
                    .param("n", number).query(String.class).single()).doesNotContain("wang@example.cn");

            String one = body(get("/open311/v2/requests/" + number + "." + format), 200);
            sameShape(format, "requests", one);
            assertThat(one).contains(number).contains("https://img.example.cn/a.jpg").contains("联系电话***********")
                    .doesNotContain("13845467788").doesNotContain("王芳").doesNotContain("wang@example.cn");
        }
    }

    @Test
    void requestListsTokensAndUpdatesHaveTheSpecificationsShape() throws Exception {
        String key = fixtures().key(100);
        String number = text(Shapes.xml(body(fixtures().rubbish("xml", key, "路口垃圾无人清运。"), 200)), "service_request_id");
        String token = jdbc.sql("select token from open311_request r join casework_case c on c.id = r.case_id where c.number = :n")
                .param("n", number).query(String.class).single();
        for (String format : List.of("xml", "json")) {
            String list = body(get("/open311/v2/requests." + format).param("service_code", "SJ0102").param("status", "open"), 200);
            sameShape(format, "requests", list);
            assertThat(list).contains(number);
            sameShape(format, "token", body(get("/open311/v2/tokens/" + token + "." + format), 200));
            sameShape(format, "post-update", body(post("/open311/v2/servicerequestupdates." + format)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("api_key", key)
                    .param("service_request_id", number).param("description", "垃圾还在，越堆越多。"), 200));
            String updates = body(get("/open311/v2/servicerequestupdates." + format).param("service_request_id", number), 200);
            sameShape(format, "updates", updates);
            assertThat(updates).contains("垃圾还在，越堆越多。");
        }
        JsonNode json = Shapes.json(body(get("/open311/v2/requests/" + number + ".json"), 200)).get(0);
        assertThat(json.get("lat").isNumber()).isTrue();
        assertThat(json.get("requested_datetime").asString()).endsWith("+08:00");
        assertThat(json.get("status").asString()).isEqualTo("open");
        assertThat(json.get("expected_datetime").isNull()).isFalse();
    }

    @Test
    void refusalsComeInTheSpecificationsErrorFormatAndStoreNothing() throws Exception {
        Open311Fixtures f = fixtures();
        String key = f.key(100);
        String revoked = f.key(100);
        long revokedId = clients.authenticate(revoked).orElseThrow().id();
        clients.revoke(accounts.findByUsername("admin").orElseThrow().toActor(), revokedId);
        for (String format : List.of("xml", "json")) {
            long before = cases();
            refused(format, f.rubbish(format, "", "垃圾"), 403, "api_key");
            refused(format, f.rubbish(format, revoked, "垃圾"), 403, "api_key");
            refused(format, f.rubbish(format, key, "垃圾", "service_code", ""), 400, "service_code");
            refused(format, f.rubbish(format, key, "垃圾", "service_code", "XX9999"), 404, "service_code");
            refused(format, f.rubbish(format, key, "垃圾", "service_code", "FW0201"), 404, "service_code");
            refused(format, f.rubbish(format, key, "垃圾", "lat", "", "long", ""), 400, "location");
            refused(format, f.rubbish(format, key, "垃圾", "lat", "39.90", "long", "116.40"), 400, "lat/long");
            refused(format, f.rubbish(format, key, "垃圾", "attribute[AMOUNT]", ""), 400, "attribute[AMOUNT]");
            refused(format, f.rubbish(format, key, "垃圾", "attribute[AMOUNT]", "mountain"), 400, "attribute[AMOUNT]");
            refused(format, f.rubbish(format, key, "垃圾", "attribute[KINDS][]", "gold"), 400, "attribute[KINDS]");
            refused(format, f.rubbish(format, key, "长".repeat(4001)), 400, "description");
            refused(format, f.rubbish(format, key, "垃圾").param("phone", "12345"), 400, "phone");
            assertThat(cases()).as("a refused request files nothing").isEqualTo(before);
            refused(format, get("/open311/v2/requests." + format).param("start_date", "2026-11-01"), 400, "start_date");
            refused(format, get("/open311/v2/requests." + format).param("page_size", "1001"), 400, "page_size");
            refused(format, get("/open311/v2/requests/00000000-0000." + format), 404, "service_request_id");
            refused(format, get("/open311/v2/tokens/nosuchtoken." + format), 404, "token");
            refused(format, get("/open311/v2/services/FW0201." + format), 404, "service_code");
        }
    }

    @Test
    void numbersAndDatesOfAttributesAreChecked() throws Exception {
        Open311Fixtures f = fixtures();
        String key = f.key(100);
        var heating = post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("api_key", key)
                .param("service_code", "FW0701").param("address_string", "前进区永安社区3号楼2单元");
        refused("json", heating.param("attribute[TEMPERATURE]", "cold"), 400, "attribute[TEMPERATURE]");
        refused("json", f.rubbish("json", key, "垃圾").param("attribute[SINCE]", "last week"), 400, "attribute[SINCE]");
        String filed = body(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("api_key", key).param("service_code", "FW0701").param("address_string", "前进区永安社区3号楼2单元")
                .param("attribute[TEMPERATURE]", "14.5"), 200);
        String number = Shapes.json(filed).get(0).get("service_request_id").asString();
        var stored = jdbc.sql("select grid_id, county_id, address, description from casework_case where number = :n")
                .param("n", number).query().singleRow();
        assertThat(stored.get("grid_id")).as("an address cannot be located: the case waits at the city's desk").isNull();
        assertThat(stored.get("county_id")).isNull();
        assertThat(stored.get("address")).isEqualTo("前进区永安社区3号楼2单元");
        assertThat((String) stored.get("description")).contains("14.5");
    }

    @Test
    void aKeyOverItsLimitIsRefusedWith429() throws Exception {
        String key = fixtures().key(2);
        body(fixtures().rubbish("xml", key, "垃圾一"), 200);
        body(fixtures().rubbish("xml", key, "垃圾二"), 200);
        long before = cases();
        refused("xml", fixtures().rubbish("xml", key, "垃圾三"), 429, "limit");
        refused("json", fixtures().rubbish("json", key, "垃圾三"), 429, "limit");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void aRetriedRequestMakesOneCase() throws Exception {
        String key = fixtures().key(100);
        String first = body(fixtures().rubbish("json", key, "重试的请求"), 200);
        long before = cases();
        String again = body(fixtures().rubbish("json", key, "重试的请求"), 200);
        assertThat(again).isEqualTo(first);
        String keyed = body(fixtures().rubbish("json", key, "带幂等键的请求").param("idempotency_key", "fms-4711"), 200);
        String keyedAgain = body(fixtures().rubbish("json", key, "带幂等键的请求，第二次发送").header("Idempotency-Key", "fms-4711"), 200);
        assertThat(keyedAgain).isEqualTo(keyed);
        assertThat(cases()).isEqualTo(before + 1);
    }

    void refused(String format, MockHttpServletRequestBuilder request, int status, String about) throws Exception {
        String answer = body(request, status);
        sameShape(format, "errors", answer);
        if (format.equals("xml")) {
            Element root = Shapes.xml(answer);
            assertThat(text(root, "code")).isEqualTo(String.valueOf(status));
            assertThat(text(root, "description")).contains(about);
        } else {
            JsonNode error = Shapes.json(answer).get(0);
            assertThat(error.get("code").asInt()).isEqualTo(status);
            assertThat(error.get("description").asString()).contains(about);
        }
    }

    static String text(Element root, String tag) {
        return root.getElementsByTagName(tag).item(0).getTextContent();
    }
}
