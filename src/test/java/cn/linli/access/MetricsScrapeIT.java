package cn.linli.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.linli.testing.IntegrationTest;

/**
 * A Prometheus server scrapes the metrics with its bearer token (the test profiles configure the token's SHA-256),
 * and that token opens nothing else.
 */
@IntegrationTest
class MetricsScrapeIT {

    static final String TOKEN = "scrape-test-token-0123456789abcdef0123456789";

    @LocalServerPort int port;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theScrapeTokenReadsTheMetricsWithoutASession() throws Exception {
        HttpResponse<String> scrape = get("/actuator/prometheus", "Bearer " + TOKEN);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes", "hikaricp_connections_active");
        assertThat(scrape.headers().firstValue("Set-Cookie")).as("no session for a scraper").isEmpty();
    }

    @Test
    void aWrongTokenIsRefused() throws Exception {
        HttpResponse<String> scrape = get("/actuator/prometheus", "Bearer " + TOKEN + "x");
        assertThat(scrape.statusCode()).isEqualTo(401);
        assertThat(scrape.body()).doesNotContain("jvm_memory_used_bytes");
        assertThat(get("/actuator/prometheus", "Bearer short").statusCode()).isEqualTo(401);
    }

    @Test
    void theTokenOpensNoOtherEndpoint() throws Exception {
        for (String path : new String[] {"/actuator/metrics", "/actuator/prometheus/", "/api/casework/categories", "/casework/board"}) {
            HttpResponse<String> other = get(path, "Bearer " + TOKEN);
            assertThat(other.statusCode()).as(path).isIn(302, 401, 403);
            assertThat(other.body()).as(path).doesNotContain("jvm_memory_used_bytes", "jvm.memory.used");
        }
        assertThat(get("/actuator/prometheus", null).statusCode()).as("without a token: the login").isEqualTo(302);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (authorization != null) request.header("Authorization", authorization);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
