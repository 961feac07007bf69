package cn.linli.access;

import static cn.linli.access.LoginRequests.loginForm;
import static cn.linli.access.LoginRequests.newAddress;
import static cn.linli.access.LoginRequests.newUsername;
import static cn.linli.access.LoginRequests.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import cn.linli.testing.IntegrationTest;

/** The password policy's history and expiry on the real database (defaults: the last 5 passwords, 90 days). */
@IntegrationTest
class PasswordPolicyIT {

    private static final String FIRST = "Erstes2026pw";

    @Autowired AccessManagement access;
    @Autowired JdbcClient jdbc;
    @Autowired WebApplicationContext context;

    @Test
    void noneOfTheLastFivePasswordsIsChosenAgain() {
        String name = newUsername("history");
        access.createUser(new NewUser(name, "历史", FIRST, Set.of(Role.GRID_WORKER), Set.of(8L), false));
        String current = FIRST;
        for (int i = 2; i <= 5; i++) {
            String next = "Passwort" + i + "x2026";
            access.changePassword(name, current, next);
            current = next;
        }
        // FIRST, Passwort2..5: five passwords, the first of them still remembered
        String finalCurrent = current;
        assertThatThrownBy(() -> access.changePassword(name, finalCurrent, FIRST))
                .isInstanceOfSatisfying(PasswordRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo("access.password.reused");
                    assertThat(e.field()).isEqualTo("newPassword");
                });
        assertThatThrownBy(() -> access.changePassword(name, finalCurrent, "Passwort3x2026"))
                .isInstanceOf(PasswordRejectedException.class);
        access.changePassword(name, current, "Passwort6x2026");
        // now FIRST has dropped out of the last five
        access.changePassword(name, "Passwort6x2026", FIRST);
        long id = jdbc.sql("select id from access_user where username = ?").param(name).query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from access_password_history where user_id = ?").param(id).query(Long.class).single())
                .isEqualTo(4);
    }

    @Test
    void anExpiredPasswordMustBeChangedAtLogin() throws Exception {
        String name = newUsername("expired");
        long id = access.createUser(new NewUser(name, "过期", FIRST, Set.of(Role.GRID_WORKER), Set.of(8L), false));
        jdbc.sql("update access_user set password_changed_at = ? where id = ?")
                .params(OffsetDateTime.ofInstant(Instant.now().minus(Duration.ofDays(91)), ZoneOffset.UTC), id).update();
        MockMvc mvc = LoginRequests.mockMvc(context);
        String address = newAddress();

        MockHttpSession session = session(mvc.perform(loginForm(name, FIRST, address))
                .andExpect(redirectedUrl("/account/password")).andReturn());
        mvc.perform(get("/casework/board").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/password").session(session)).andExpect(content().string(containsString("您的密码已过期")));

        access.changePassword(name, FIRST, "Erneuert2026pw");
        mvc.perform(loginForm(name, "Erneuert2026pw", address)).andExpect(redirectedUrl("/"));
    }

    @Test
    void aPasswordOf89DaysIsStillGood() throws Exception {
        String name = newUsername("fresh");
        long id = access.createUser(new NewUser(name, "未过期", FIRST, Set.of(Role.GRID_WORKER), Set.of(8L), false));
        jdbc.sql("update access_user set password_changed_at = ? where id = ?")
                .params(OffsetDateTime.ofInstant(Instant.now().minus(Duration.ofDays(89)), ZoneOffset.UTC), id).update();
        LoginRequests.mockMvc(context).perform(loginForm(name, FIRST, newAddress())).andExpect(redirectedUrl("/"));
    }
}
