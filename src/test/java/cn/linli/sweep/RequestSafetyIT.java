package cn.linli.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.linli.access.internal.UserAccounts;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;
import cn.linli.web.SecurityHeaders;

/**
 * CSRF and security headers, swept over the route list: every state-changing route refuses a request without the
 * CSRF token (except Open311's API-key writes), and every answer — pages, APIs, the portal, Open311, static files,
 * refusals and errors — carries the same security headers.
 */
@IntegrationTest
class RequestSafetyIT {

    /** Writes that prove themselves with an API key instead of a session, so they carry no CSRF token. */
    static final String CSRF_EXEMPT = "/open311/v2/";

    /** GET routes the header sweep does not open: an event stream that stays open. */
    static final Set<String> NOT_OPENED = Set.of("GET /casework/stream");

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired SecurityHeaders securityHeaders;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;

    /** A concrete path for a pattern: every variable becomes 1, or the first of its listed choices. */
    static String concrete(String pattern) {
        return pattern.replaceAll("\\{[^}:]+:([a-z-]+)[|\\[][^}]*}", "$1").replaceAll("\\{[^}:]+:\\[a-z-]\\+}", "accept")
                .replaceAll("\\{format}", "json").replaceAll("\\{[^}]+}", "1");
    }

    @Test
    void everyStateChangingRouteRefusesARequestWithoutTheCsrfToken() throws Exception {
        var accepted = new ArrayList<String>();
        var routes = Routes.of(mapping).all().stream().filter(Routes.Route::changesState)
                .filter(r -> !r.method().equals("ANY") && !r.pattern().startsWith(CSRF_EXEMPT)).toList();
        assertThat(routes).hasSizeGreaterThan(100);
        for (Routes.Route route : routes) {
            for (String who : List.of("admin", "yongan-sq")) {
                var response = perform(request(HttpMethod.valueOf(route.method()), concrete(route.pattern()))
                        .with(SignedIn.as(accounts, who)));
                if (response.getStatus() != 403) accepted.add(route.key() + " as " + who + ": " + response.getStatus());
                assertHeaders(route.key(), response);
            }
        }
        for (String filterRoute : List.of("/login", "/logout")) {
            var response = perform(request(HttpMethod.POST, filterRoute).param("username", "admin")
                    .param("password", "linli-demo-2026"));
            if (response.getStatus() != 403) accepted.add("POST " + filterRoute + ": " + response.getStatus());
        }
        assertThat(accepted).as("state-changing requests without a CSRF token that were not refused").isEmpty();
    }

    @Test
    void open311WritesNeedTheirApiKeyInstead() throws Exception {
        var response = perform(request(HttpMethod.POST, "/open311/v2/requests.json").param("service_code", "x")
                .param("description", "没有密钥"));
        assertThat(response.getStatus()).isIn(400, 403);
        assertThat(response.getContentAsString()).contains("api_key");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        var failures = new ArrayList<String>();
        var gets = Routes.of(mapping).all().stream().filter(r -> r.method().equals("GET") && !r.pattern().contains("{"))
                .filter(r -> !NOT_OPENED.contains(r.key())).toList();
        for (Routes.Route route : gets) {
            var response = perform(get(route.pattern()).with(SignedIn.as(accounts, "admin")));
            if (response.getStatus() >= 500) failures.add(route.key() + ": " + response.getStatus());
            assertHeaders(route.key(), response);
        }
        for (String anonymous : List.of("/login", "/portal", "/portal/report", "/open311/v2/discovery.xml",
                "/open311/v2/services.json", "/js/linli.js", "/css/linli.css", "/webjars/htmx.org/dist/htmx.min.js",
                "/casework/board", "/api/casework/cases/1", "/no-such-page", "/portal/no-such-page")) {
            var response = perform(get(anonymous));
            if (response.getStatus() >= 500) failures.add(anonymous + ": " + response.getStatus());
            assertHeaders(anonymous, response);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void strictTransportSecurityIsSentOverHttpsOnly() throws Exception {
        assertThat(perform(get("/login").secure(true)).getHeader("Strict-Transport-Security")).contains("max-age=");
        assertThat(perform(get("/portal").secure(true)).getHeader("Strict-Transport-Security")).contains("max-age=");
        assertThat(perform(get("/login")).getHeader("Strict-Transport-Security")).isNull();
    }

    MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    void assertHeaders(String what, MockHttpServletResponse response) {
        assertThat(response.getHeader("Content-Security-Policy")).as(what + " CSP").isEqualTo(securityHeaders.contentSecurityPolicy());
        assertThat(response.getHeader("X-Frame-Options")).as(what + " frame").isEqualTo("DENY");
        assertThat(response.getHeader("X-Content-Type-Options")).as(what + " content type").isEqualTo("nosniff");
        assertThat(response.getHeader("Referrer-Policy")).as(what + " referrer").isEqualTo("strict-origin-when-cross-origin");
    }
}
