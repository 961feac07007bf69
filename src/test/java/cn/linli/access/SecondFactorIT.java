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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import cn.linli.access.internal.SecondFactors;
import cn.linli.access.internal.totp.Base32;
import cn.linli.access.internal.totp.Totp;

/** Two-factor login of administrators through the real filter chain and database: codes, replay, lock, enrolment. */
@cn.linli.testing.IntegrationTest
class SecondFactorIT {

    private static final String PASSWORD = "Zweifach2026ok";

    @Autowired WebApplicationContext context;
    @Autowired AccessManagement access;
    @Autowired SecondFactors factors;
    @Autowired JdbcClient jdbc;

    MockMvc mvc;
    String username;
    long userId;
    String address;
    String secret;

    @BeforeEach
    void enrolledCityAdministrator() {
        mvc = LoginRequests.mockMvc(context);
        username = newUsername("totp");
        address = newAddress();
        userId = access.createUser(new NewUser(username, "市局双因素", PASSWORD, Set.of(Role.CITY_ADMIN), Set.of(), false));
        secret = Base32.encode(Totp.newSecret());
        // enrolled one step back, so the current step's code is still unused
        assertThat(factors.confirm(userId, secret, codeAt(-1))).isTrue();
    }

    @Test
    void theCodeIsAskedForAfterThePasswordAndNothingOpensBeforeIt() throws Exception {
        MockHttpSession session = session(mvc.perform(loginForm(username, PASSWORD, address))
                .andExpect(redirectedUrl("/login/code")).andReturn());
        mvc.perform(get("/casework/board").session(session)).andExpect(redirectedUrl("/login/code"));
        mvc.perform(get("/api/casework/categories").session(session)).andExpect(status().isForbidden());

        mvc.perform(post("/login/code").param("code", wrongCode()).with(csrf()).with(from(address)).session(session))
                .andExpect(redirectedUrl("/login/code?error"));
        var accepted = mvc.perform(post("/login/code").param("code", codeAt(0)).with(csrf()).with(from(address)).session(session))
                .andExpect(redirectedUrl("/")).andReturn();
        MockHttpSession working = session(accepted);
        mvc.perform(get("/casework/board").session(working)).andExpect(status().isOk());
        assertThat(actions()).containsSubsequence("LOGIN_CODE_REQUESTED", "LOGIN_CODE_FAILED", "LOGIN_SUCCEEDED");
    }

    @Test
    void aCodeIsAcceptedOnceOnly() throws Exception {
        String code = codeAt(0);
        MockHttpSession first = session(mvc.perform(loginForm(username, PASSWORD, address)).andReturn());
        mvc.perform(post("/login/code").param("code", code).with(csrf()).with(from(address)).session(first))
                .andExpect(redirectedUrl("/"));

        MockHttpSession second = session(mvc.perform(loginForm(username, PASSWORD, address)).andReturn());
        mvc.perform(post("/login/code").param("code", code).with(csrf()).with(from(address)).session(second))
                .andExpect(redirectedUrl("/login/code?error"));
        // an older code than the last accepted one is refused too
        mvc.perform(post("/login/code").param("code", codeAt(-1)).with(csrf()).with(from(address)).session(second))
                .andExpect(redirectedUrl("/login/code?error"));
    }

    @Test
    void wrongCodesCountTowardTheLoginLock() throws Exception {
        MockHttpSession session = session(mvc.perform(loginForm(username, PASSWORD, address)).andReturn());
        for (int i = 1; i < 5; i++) {
            mvc.perform(post("/login/code").param("code", wrongCode()).with(csrf()).with(from(address)).session(session))
                    .andExpect(redirectedUrl("/login/code?error"));
        }
        mvc.perform(post("/login/code").param("code", wrongCode()).with(csrf()).with(from(address)).session(session))
                .andExpect(redirectedUrl("/login?locked=15"));
        // locked: even the right password is refused unchecked, and the old session is logged out
        mvc.perform(loginForm(username, PASSWORD, address)).andExpect(redirectedUrl("/login?locked=15"));
        mvc.perform(get("/casework/board").session(session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void anAdministratorEnrolsWithTheShownSecretAndTheSecretIsStoredEncrypted() throws Exception {
        String admin = newUsername("enrol");
        long id = access.createUser(new NewUser(admin, "系统管理", PASSWORD, Set.of(Role.SYSTEM_ADMIN), Set.of(), false));
        String where = newAddress();
        MockHttpSession session = session(mvc.perform(loginForm(admin, PASSWORD, where)).andExpect(redirectedUrl("/")).andReturn());

        String page = mvc.perform(get("/account/second-factor").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("otpauth://totp/Linli%3A" + admin + "?secret=")))
                .andReturn().getResponse().getContentAsString();
        Matcher shown = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(page);
        assertThat(shown.find()).isTrue();
        String enrolled = shown.group(1);

        mvc.perform(post("/account/second-factor").param("code", "000000".equals(code(enrolled, 0)) ? "111111" : "000000")
                        .with(csrf()).session(session))
                .andExpect(status().isOk()).andExpect(content().string(containsString("验证码不正确")));
        assertThat(factors.enrolled(id)).isFalse();

        MockHttpSession after = session(mvc.perform(post("/account/second-factor").param("code", code(enrolled, 0))
                .with(csrf()).session(session)).andExpect(redirectedUrl("/account/second-factor")).andReturn());
        assertThat(factors.enrolled(id)).isTrue();
        mvc.perform(get("/account/second-factor").session(after)).andExpect(content().string(containsString("双因素登录已启用")));
        String stored = jdbc.sql("select secret from access_user_totp where user_id = ?").param(id).query(String.class).single();
        assertThat(stored).doesNotContain(enrolled).startsWith("AES-GCM:");

        // the next login asks for a code
        mvc.perform(loginForm(admin, PASSWORD, where)).andExpect(redirectedUrl("/login/code"));
    }

    @Test
    void staffWithoutAnAdministratorRoleHaveNoEnrolmentPage() throws Exception {
        MockHttpSession session = session(mvc.perform(loginForm("qianjin", "linli-demo-2026", newAddress())).andReturn());
        mvc.perform(get("/account/second-factor").session(session)).andExpect(status().isForbidden());
    }

    private String codeAt(int steps) {
        return code(secret, steps);
    }

    private static String code(String base32, int steps) {
        return Totp.code(Base32.decode(base32), Totp.stepOf(Instant.now()) + steps);
    }

    /** A code that matches none of the accepted steps. */
    private String wrongCode() {
        List<String> near = List.of(codeAt(-1), codeAt(0), codeAt(1));
        for (int n = 0; ; n++) {
            String candidate = String.format("%06d", n);
            if (!near.contains(candidate)) return candidate;
        }
    }

    private List<String> actions() {
        return jdbc.sql("select action from access_audit where subject = ? order by id").param(username).query(String.class).list();
    }
}
