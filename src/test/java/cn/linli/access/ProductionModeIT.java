package cn.linli.access;

import static cn.linli.access.LoginRequests.loginForm;
import static cn.linli.access.LoginRequests.newAddress;
import static cn.linli.access.LoginRequests.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

import cn.linli.access.internal.UserAccounts;
import cn.linli.access.internal.totp.Base32;
import cn.linli.access.internal.totp.Totp;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;
import cn.linli.testing.TestDatabase;

/**
 * Production mode: no built-in login; the first administrator comes from LINLI_ADMIN_USERNAME and
 * LINLI_ADMIN_PASSWORD and is kept on the change-password page until they have chosen their own password, then on the
 * enrolment of a second factor; the audit administrator comes from LINLI_AUDITOR_PASSWORD.
 */
@IntegrationTest
@TestPropertySource(properties = {"linli.demo.enabled=false", "linli.access.first-admin.username=Chief",
        "linli.access.first-admin.password=Start2026abc", "linli.access.separate-administrators.audit-password=Start2026aud",
        "linli.protection.keys.1=1YsQuLPx4ihci8zMOP/OWvpkME0FZZULtjIFbsXWR60="})
class ProductionModeIT {

    /**
     * The administrator is created only in an empty database. PostgreSQL's test schema is emptied for every new test
     * context; the embedded H2 database is shared by all test contexts of the JVM, so this one gets its own.
     */
    @DynamicPropertySource
    static void emptyDatabase(DynamicPropertyRegistry registry) {
        if (!TestDatabase.isPostgresql()) {
            registry.add("spring.datasource.url", () ->
                    "jdbc:h2:mem:linli-production;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
    }

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserAccounts accounts;
    @Autowired
    AccessManagement access;
    @Autowired
    cn.linli.access.internal.SecondFactors factors;

    @Test
    void firstAdministratorMustChooseAPasswordBeforeWorking() throws Exception {
        MockMvc mvc = LoginRequests.mockMvc(context);
        String address = newAddress();
        var admin = accounts.findByUsername("chief").orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.CITY_ADMIN);
        assertThat(admin.jurisdiction().unrestricted()).isTrue();

        MockHttpSession session = session(mvc.perform(loginForm("chief", "Start2026abc", address))
                .andExpect(redirectedUrl("/account/password")).andReturn());

        mvc.perform(get("/divisions").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/api/anything").session(session))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("请先修改密码（/account/password）。"));
        mvc.perform(get("/account/password").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("这是您首次登录，请先设置您自己的密码再继续。")));

        mvc.perform(changePassword(session, "Start2026abc", "Mine2026secret", "Mine2026other"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("两次输入的新密码不一致。")));
        mvc.perform(changePassword(session, "Start2026abc", "short", "short"))
                .andExpect(content().string(containsString("密码至少需要 10 位。")));
        mvc.perform(changePassword(session, "Start2026abc", "Mine2026secret", "Mine2026secret"))
                .andExpect(redirectedUrl("/account/second-factor"));

        // production mode: an administrator enrols a second factor before anything else
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/second-factor"));
        mvc.perform(get("/api/anything").session(session)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("管理员须先启用双因素登录（动态验证码），才能继续使用系统。"));
        String page = mvc.perform(get("/account/second-factor").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Matcher shown = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(page);
        assertThat(shown.find()).isTrue();
        long step = Totp.stepOf(Instant.now());
        session = session(mvc.perform(post("/account/second-factor").session(session).with(csrf())
                        .param("code", Totp.code(Base32.decode(shown.group(1)), step)))
                .andExpect(redirectedUrl("/")).andReturn());

        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/map"));
        mvc.perform(get("/api/anything").session(session)).andExpect(status().isNotFound());
        mvc.perform(get("/account/password").session(session))
                .andExpect(content().string(not(containsString("首次登录"))));

        mvc.perform(loginForm("chief", "Start2026abc", newAddress())).andExpect(redirectedUrl("/login?error"));
        mvc.perform(loginForm("chief", "Mine2026secret", newAddress())).andExpect(redirectedUrl("/login/code"));
    }

    @Test
    void theAuditAdministratorWhosePasswordIsSetIsCreatedAndMustChangeIt() {
        var auditor = accounts.findByUsername("auditor").orElseThrow();
        assertThat(auditor.roles()).containsExactly(Role.AUDIT_ADMIN);
        assertThat(auditor.mustChangePassword()).isTrue();
        assertThat(accounts.findByUsername("sysadmin")).isEmpty();
    }

    @Test
    void aSecondFactorResetByTheSecurityAdministratorSendsTheUserToEnrolmentAtTheNextLogin() throws Exception {
        MockMvc mvc = LoginRequests.mockMvc(context);
        String security = LoginRequests.newUsername("secprod");
        String chief = LoginRequests.newUsername("lostphone");
        access.createUser(new NewUser(security, "安全管理员", "Sicher2026abc", Set.of(Role.SECURITY_ADMIN), Set.of(), false));
        long id = access.createUser(new NewUser(chief, "丢了手机的管理员", "Handy2026abc", Set.of(Role.CITY_ADMIN), Set.of(), false));
        String secret = Base32.encode(Totp.newSecret());
        assertThat(factors.confirm(id, secret, Totp.code(Base32.decode(secret), Totp.stepOf(Instant.now())))).isTrue();
        mvc.perform(loginForm(chief, "Handy2026abc", newAddress())).andExpect(redirectedUrl("/login/code"));

        mvc.perform(post("/access/accounts/" + chief + "/second-factor/reset").with(SignedIn.as(accounts, security)).with(csrf()))
                .andExpect(redirectedUrl("/access/accounts/" + chief));

        MockHttpSession session = session(mvc.perform(loginForm(chief, "Handy2026abc", newAddress()))
                .andExpect(redirectedUrl("/account/second-factor")).andReturn());
        mvc.perform(get("/divisions").session(session)).andExpect(redirectedUrl("/account/second-factor"));
    }

    private static MockHttpServletRequestBuilder changePassword(
            MockHttpSession session, String current, String next, String confirm) {
        return post("/account/password").session(session).with(csrf())
                .param("currentPassword", current).param("newPassword", next).param("confirmPassword", confirm);
    }
}
