package cn.linli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.linli.access.AccessManagement;
import cn.linli.access.NewUser;
import cn.linli.access.Role;
import cn.linli.access.internal.UserAccounts;
import cn.linli.open311.Open311Clients;

/**
 * Attacks over real HTTP against the running server (no MockMvc): session fixation at login, and the rate limits of
 * login and of Open311 writes as a client on the network meets them.
 */
@cn.linli.testing.IntegrationTest
class HttpAttacksIT {

    static final Pattern SESSION = Pattern.compile("(?:JSESSIONID|SESSION)=([^;]+)");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    static final String PASSWORD = "Sweep2026pass";

    @LocalServerPort int port;
    @Autowired AccessManagement access;
    @Autowired Open311Clients clients;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    HttpClient http;
    String username;

    @BeforeEach
    void newClientAndUser() {
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        username = "sweep-" + UUID.randomUUID().toString().substring(0, 8);
        access.createUser(new NewUser(username, "扫查员", PASSWORD, Set.of(Role.STREET_STAFF), Set.of(9L), false));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static String session(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst().orElse(null);
    }

    /** The login page's session and CSRF token, as a browser gets them. */
    String[] loginPage() throws Exception {
        var page = http.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
        return new String[] {session(page), token.group(1) != null ? token.group(1) : token.group(2)};
    }

    HttpResponse<String> login(String session, String token, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + session + "; SESSION=" + session)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password, "_csrf", token))))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    int statusWith(String session, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Cookie", "JSESSIONID=" + session + "; SESSION=" + session)
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theSessionIdChangesAtLoginAndTheOldOneOpensNothing() throws Exception {
        String[] before = loginPage();
        assertThat(before[0]).as("the login page starts a session for its CSRF token").isNotNull();

        var login = login(before[0], before[1], PASSWORD);

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String after = session(login);
        assertThat(after).as("a new session id at login").isNotNull().isNotEqualTo(before[0]);
        assertThat(statusWith(after, "/casework/board")).isEqualTo(200);
        assertThat(statusWith(before[0], "/casework/board")).as("the id planted before login opens nothing").isEqualTo(302);
    }

    @Test
    void theFifthWrongPasswordLocksTheAccountEvenForTheRightOne() throws Exception {
        for (int i = 1; i <= 4; i++) {
            String[] page = loginPage();
            assertThat(login(page[0], page[1], "wrong-" + i).headers().firstValue("Location").orElse("")).endsWith("/login?error");
        }
        String[] page = loginPage();
        assertThat(login(page[0], page[1], "wrong-5").headers().firstValue("Location").orElse("")).endsWith("/login?locked=15");
        page = loginPage();
        var right = login(page[0], page[1], PASSWORD);
        assertThat(right.headers().firstValue("Location").orElse("")).endsWith("/login?locked=15");
        assertThat(statusWith(session(right) == null ? page[0] : session(right), "/casework/board")).isEqualTo(302);
    }

    @Test
    void anOpen311KeyOverItsLimitIsRefusedWith429AndNoCaseIsAdded() throws Exception {
        String key = clients.issue(accounts.findByUsername("admin").orElseThrow().toActor(), "sweep-" + UUID.randomUUID(), 2).key();
        int[] statuses = new int[4];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = http.send(HttpRequest.newBuilder(uri("/open311/v2/requests.json"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("api_key", key, "service_code", "no-such-service",
                            "address_string", "前进区永安社区3号楼", "description", "限流试探" + i))))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        assertThat(statuses[2]).isEqualTo(429);
        assertThat(statuses[3]).isEqualTo(429);
        assertThat(jdbc.sql("select count(*) from casework_case where description like '限流试探%'").query(Integer.class).single())
                .isZero();
    }
}
