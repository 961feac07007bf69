package cn.linli.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Element;

import tools.jackson.databind.JsonNode;

import cn.linli.access.internal.UserAccounts;
import cn.linli.casework.CaseQueries;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.internal.BoundaryStore;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;

/**
 * A deployment configured as {@code batch}: POST requests answers a token and no request id, the token then gives the
 * id (GeoReport v2, "POST Service Request" and "GET service_request_id from a token"), in both formats, over HTTP.
 */
@IntegrationTest
@TestPropertySource(properties = "linli.open311.requests.batch=true")
class Open311BatchIT {

    @Autowired MockMvc mvc;
    @Autowired Open311Clients clients;
    @Autowired UserAccounts accounts;
    @Autowired TerritoryQueries territory;
    @Autowired BoundaryStore boundaries;
    @Autowired CaseQueries queries;

    String body(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(200);
        return body;
    }

    @Test
    void aPostAnswersATokenThatLeadsToTheRequestInBothFormats() throws Exception {
        var fixtures = new Open311Fixtures(clients, accounts, territory, boundaries);
        String key = fixtures.key(100);

        JsonNode posted = Shapes.json(body(fixtures.rubbish("json", key, "批量模式：小区垃圾满溢。"))).get(0);
        assertThat(posted.has("service_request_id")).as("batch deployments answer no id at once").isFalse();
        String token = posted.get("token").asString();
        assertThat(token).isNotBlank();
        JsonNode byToken = Shapes.json(body(get("/open311/v2/tokens/" + token + ".json"))).get(0);
        assertThat(byToken.get("token").asString()).isEqualTo(token);
        String number = byToken.get("service_request_id").asString();
        ActingAs.user(accounts, "yongan");
        assertThat(queries.findByNumber(number)).as("the token's request is a real case").isPresent()
                .get().extracting(c -> c.description()).asString().startsWith("批量模式：小区垃圾满溢。");
        ActingAs.nobody();

        Element xml = Shapes.xml(body(fixtures.rubbish("xml", key, "批量模式：楼道堆放杂物。")));
        assertThat(xml.getElementsByTagName("service_request_id").getLength()).isZero();
        String xmlToken = xml.getElementsByTagName("token").item(0).getTextContent();
        Element resolved = Shapes.xml(body(get("/open311/v2/tokens/" + xmlToken + ".xml")));
        String xmlNumber = resolved.getElementsByTagName("service_request_id").item(0).getTextContent();
        assertThat(List.of(xmlNumber, number)).doesNotHaveDuplicates();
        assertThat(body(get("/open311/v2/requests/" + xmlNumber + ".json"))).contains("批量模式：楼道堆放杂物。");
    }
}
