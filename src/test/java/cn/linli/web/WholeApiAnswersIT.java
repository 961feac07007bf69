package cn.linli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.linli.casework.Categories;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.internal.demo.DemoLogins;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.StaffSession;

/**
 * Over real HTTP, the answer to an API write arrives whole with its length (not chunked), with the security headers
 * and a session that goes on working; a read is answered as before.
 */
@IntegrationTest
class WholeApiAnswersIT {

    @LocalServerPort int port;
    @Autowired TerritoryQueries territory;
    @Autowired Categories categories;

    @Test
    void anIntakeIsAnsweredInOnePieceWithItsLength() throws Exception {
        StaffSession desk = StaffSession.signIn("http://127.0.0.1:" + port, "yongan-sq", DemoLogins.PASSWORD);
        long grid = territory.tree(null).findByCode("230804007001001").orElseThrow().id();
        String category = categories.search("暴露垃圾", 1).get(0).category().code().value();
        String json = """
                {"type": "COMPLAINT", "channel": "WINDOW", "description": "永安社区3号楼东侧垃圾堆放三天无人清运。",
                 "categoryCode": "%s", "placeUnitId": %d}""".formatted(category, grid);

        var created = desk.postJson("/api/casework/cases", json, UUID.randomUUID().toString());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(created.headers().firstValueAsLong("Content-Length"))
                .hasValue(created.body().getBytes(StandardCharsets.UTF_8).length);
        assertThat(created.body()).contains("\"state\":\"REGISTERED\"");
        assertThat(created.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        // the session, saved at the request's end rather than at a flush, still signs the next requests in
        assertThat(desk.get("/api/casework/categories", "application/json").statusCode()).isEqualTo(200);
        assertThat(desk.postJson("/api/casework/cases", json, UUID.randomUUID().toString()).statusCode()).isEqualTo(201);
    }
}
