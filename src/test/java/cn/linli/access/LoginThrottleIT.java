package cn.linli.access;

import static cn.linli.access.LoginRequests.loginForm;
import static cn.linli.access.LoginRequests.newAddress;
import static cn.linli.access.LoginRequests.newUsername;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import cn.linli.testing.IntegrationTest;

/**
 * Repeated failed logins are slowed down: 5 failures within 15 minutes lock a username, 20 lock a client address,
 * each further lock lasts twice as long, and the login page says for how long.
 */
@IntegrationTest
class LoginThrottleIT {

    private static final String PASSWORD = "Jiedao2026ok";
    private static final String WRONG = "Wrong2026pw";

    @Autowired
    WebApplicationContext context;
    @Autowired
    AccessManagement access;
    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    String username;
    String address;

    @BeforeEach
    void createStreetStaff() {
        mvc = LoginRequests.mockMvc(context);
        username = newUsername("street");
        address = newAddress();
        access.createUser(new NewUser(username, "赵街道", PASSWORD, Set.of(Role.STREET_STAFF), Set.of(9L), false));
    }

    @Test
    void fifthFailureLocksTheUsernameAndTheLoginPageSaysForHowLong() throws Exception {
        failTimes(4, address);

        mvc.perform(loginForm(username, WRONG, address)).andExpect(redirectedUrl("/login?locked=15"));

        mvc.perform(get("/login").param("locked", "15"))
                .andExpect(content().string(containsString("登录失败次数过多，请 15 分钟后再试。")));
        mvc.perform(get("/login").param("locked", "15").param("lang", "en"))
                .andExpect(content().string(containsString("Too many failed logins. Please try again in 15 minutes.")));
    }

    @Test
    void aLockedUsernameIsRefusedEvenWithTheRightPasswordAndFromElsewhere() throws Exception {
        lockUsername();

        mvc.perform(loginForm(username, PASSWORD, address)).andExpect(redirectedUrl("/login?locked=15"));
        mvc.perform(loginForm(username, PASSWORD, newAddress())).andExpect(redirectedUrl("/login?locked=15"));
        assertThat(actions()).contains("LOGIN_LOCKED", "LOGIN_REFUSED").doesNotContain("LOGIN_SUCCEEDED");
    }

    @Test
    void successResetsTheUsernamesCount() throws Exception {
        failTimes(4, address);
        mvc.perform(loginForm(username, PASSWORD, address)).andExpect(redirectedUrl("/"));

        failTimes(4, address);

        mvc.perform(loginForm(username, PASSWORD, address)).andExpect(redirectedUrl("/"));
    }

    @Test
    void manyFailuresFromOneAddressLockTheAddressButNotTheUser() throws Exception {
        for (int i = 0; i < 19; i++) {
            mvc.perform(loginForm(newUsername("guess"), WRONG, address)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(loginForm(newUsername("guess"), WRONG, address)).andExpect(redirectedUrl("/login?locked=15"));

        mvc.perform(loginForm(username, PASSWORD, address)).andExpect(redirectedUrl("/login?locked=15"));
        mvc.perform(loginForm(username, PASSWORD, newAddress())).andExpect(redirectedUrl("/"));
    }

    @Test
    void theNextLockLastsTwiceAsLong() throws Exception {
        lockUsername();
        lockRunsOut();

        failTimes(4, address);
        mvc.perform(loginForm(username, WRONG, address)).andExpect(redirectedUrl("/login?locked=30"));
    }

    @Test
    void theLockIsKeptInTheDatabase() throws Exception {
        lockUsername();

        OffsetDateTime lockedUntil = jdbc.sql("select locked_until from access_login_throttle where throttle_key = ?")
                .param("user:" + username).query(OffsetDateTime.class).single();
        assertThat(lockedUntil).isAfter(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(14));
    }

    private void lockUsername() throws Exception {
        failTimes(4, address);
        mvc.perform(loginForm(username, WRONG, address)).andExpect(redirectedUrl("/login?locked=15"));
    }

    private void failTimes(int times, String from) throws Exception {
        for (int i = 0; i < times; i++) {
            mvc.perform(loginForm(username, WRONG, from)).andExpect(redirectedUrl("/login?error"));
        }
    }

    /** Moves the username's lock into the past, as if its 15 minutes had gone by. */
    private void lockRunsOut() {
        jdbc.sql("update access_login_throttle set locked_until = ? where throttle_key = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), "user:" + username).update();
    }

    private List<String> actions() {
        return jdbc.sql("select action from access_audit where subject = ? order by id").param(username)
                .query(String.class).list();
    }
}
