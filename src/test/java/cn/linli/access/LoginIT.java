package cn.linli.access;

import static cn.linli.access.LoginRequests.from;
import static cn.linli.access.LoginRequests.loginForm;
import static cn.linli.access.LoginRequests.newAddress;
import static cn.linli.access.LoginRequests.newUsername;
import static cn.linli.access.LoginRequests.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import cn.linli.testing.IntegrationTest;

/** Staff log in with the form; everything else needs a login; forms need their CSRF token. */
@IntegrationTest
class LoginIT {

    private static final String PASSWORD = "Wangge2026ok";

    @Autowired
    WebApplicationContext context;
    @Autowired
    AccessManagement access;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    MockMvc mvc;
    String username;
    String address;

    @BeforeEach
    void createGridWorker() {
        mvc = LoginRequests.mockMvc(context);
        username = newUsername("grid");
        address = newAddress();
        access.createUser(new NewUser(username, "李网格", PASSWORD, Set.of(Role.GRID_WORKER), Set.of(42L), false));
    }

    @Test
    void createdUserLogsInAndSeesTheirNameAndRole() throws Exception {
        var login = mvc.perform(loginForm(username, PASSWORD, address))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        MockHttpSession session = session(login);

        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/map"));
        mvc.perform(get("/account/password").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("李网格")))
                .andExpect(content().string(containsString("网格员")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\">")));
    }

    @Test
    void usernameIsFoundWhateverTheCase() throws Exception {
        mvc.perform(loginForm(username.toUpperCase(), PASSWORD, address)).andExpect(redirectedUrl("/"));
    }

    @Test
    void wrongPasswordIsExplainedInChineseByDefault() throws Exception {
        mvc.perform(loginForm(username, "Wrong2026pw", address)).andExpect(redirectedUrl("/login?error"));

        mvc.perform(get("/login?error"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"zh-CN\">")))
                .andExpect(content().string(containsString("用户名或密码错误。")));
    }

    @Test
    void wrongPasswordIsExplainedInEnglishAfterChoosingEnglish() throws Exception {
        mvc.perform(loginForm(username, "Wrong2026pw", address)).andExpect(redirectedUrl("/login?error"));

        var english = mvc.perform(get("/login?error&lang=en"))
                .andExpect(content().string(containsString("<html lang=\"en\">")))
                .andExpect(content().string(containsString("Wrong username or password.")))
                .andExpect(content().string(containsString("href=\"/login?error&amp;lang=zh_CN\"")))
                .andExpect(cookie().value("linli-lang", "en"))
                .andReturn();

        Cookie choice = english.getResponse().getCookie("linli-lang");
        mvc.perform(get("/login?error").cookie(choice))
                .andExpect(content().string(containsString("Wrong username or password.")));
    }

    @Test
    void unknownUserGetsTheSameAnswerAsAWrongPassword() throws Exception {
        mvc.perform(loginForm(newUsername("nobody"), PASSWORD, address)).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void postsWithoutCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/login").param("username", username).param("password", PASSWORD).with(from(address)))
                .andExpect(status().isForbidden());

        MockHttpSession session = session(mvc.perform(loginForm(username, PASSWORD, address)).andReturn());
        mvc.perform(post("/account/password").session(session)
                        .param("currentPassword", PASSWORD).param("newPassword", "Changed2026x").param("confirmPassword", "Changed2026x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
        // nothing changed: the old password still works
        mvc.perform(loginForm(username, PASSWORD, address)).andExpect(redirectedUrl("/"));
    }

    @Test
    void pagesWithoutLoginGoToTheLoginPage() throws Exception {
        mvc.perform(get("/divisions")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("登录邻里")));
        mvc.perform(get("/css/linli.css")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void pageAskedForBeforeLoginIsOpenedAfterIt() throws Exception {
        var asked = mvc.perform(get("/account/password")).andExpect(redirectedUrl("/login")).andReturn();
        MockHttpSession session = session(asked);

        mvc.perform(loginForm(username, PASSWORD, address).session(session))
                .andExpect(redirectedUrl("http://localhost/account/password?continue"));
    }

    @Test
    void apiWithoutLoginAnswers401JsonInTheUsersLanguage() throws Exception {
        mvc.perform(get("/api/anything"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.error").value("Unauthorized"))
                .andExpect(jsonPath("$.message").value("请先登录。"));
        mvc.perform(get("/api/anything").cookie(new Cookie("linli-lang", "en")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value("Please log in first."));
    }

    @Test
    void actuatorBeyondHealthIsForCityAdministrators() throws Exception {
        MockHttpSession worker = session(mvc.perform(loginForm(username, PASSWORD, address)).andReturn());
        mvc.perform(get("/actuator/metrics").session(worker)).andExpect(status().isForbidden());

        String admin = newUsername("city");
        access.createUser(new NewUser(admin, "市局", PASSWORD, Set.of(Role.CITY_ADMIN), Set.of(), false));
        MockHttpSession city = session(mvc.perform(loginForm(admin, PASSWORD, address)).andReturn());
        mvc.perform(get("/actuator/metrics").session(city)).andExpect(status().isOk());
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        MockHttpSession session = session(mvc.perform(loginForm(username, PASSWORD, address)).andReturn());

        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));

        mvc.perform(get("/account/password").session(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login?logout")).andExpect(content().string(containsString("您已退出登录。")));
    }

    @Test
    void loginsAndFailuresAreAudited() throws Exception {
        mvc.perform(loginForm(username, "Wrong2026pw", address));
        MockHttpSession session = session(mvc.perform(loginForm(username, PASSWORD, address)).andReturn());
        mvc.perform(post("/logout").session(session).with(csrf()));

        assertThat(auditedActions()).containsSubsequence("USER_CREATED", "LOGIN_FAILED", "LOGIN_SUCCEEDED", "LOGOUT");
        assertThat(jdbc.sql("select detail from access_audit where subject = ? and action = 'LOGIN_FAILED'")
                .param(username).query(String.class).single()).contains("address=" + address);
    }

    @Test
    void theRealServerAnswersApiCallsWithoutLoginWith401Json() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/anything")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"status\":401", "\"error\":\"Unauthorized\"", "\"message\":\"请先登录。\"");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void theRealServerRefusesAFormPostedWithoutToken() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + PASSWORD))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("您无权访问此页面。").doesNotContain("李网格");
    }

    private List<String> auditedActions() {
        return jdbc.sql("select action from access_audit where subject = ? order by id").param(username)
                .query(String.class).list();
    }

}
