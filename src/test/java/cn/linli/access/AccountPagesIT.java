package cn.linli.access;

import static cn.linli.access.LoginRequests.loginForm;
import static cn.linli.access.LoginRequests.newAddress;
import static cn.linli.access.LoginRequests.newUsername;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

import cn.linli.access.internal.SecondFactors;
import cn.linli.access.internal.UserAccounts;
import cn.linli.access.internal.totp.Base32;
import cn.linli.access.internal.totp.Totp;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;
import cn.linli.testing.StaffSession;

/**
 * The account pages as each administrator and everyone else meets them (三员分立, decision 0012): who sees the list,
 * who creates accounts, who changes roles, unlocks, disables and resets; every bad input refused with its message and
 * nothing stored; every action audited; a disabled user's session ends; a reset second factor is gone.
 */
@IntegrationTest
class AccountPagesIT {

    private static final String PASSWORD = "Konto2026abc";
    private static final String COMMUNITY = "230804007001";

    @Autowired MockMvc mvc;
    @Autowired WebApplicationContext context;
    @Autowired AccessManagement access;
    @Autowired UserAccounts accounts;
    @Autowired SecondFactors factors;
    @Autowired UnitNames unitNames;
    @Autowired JdbcClient jdbc;
    @Autowired MessageSource messages;
    @LocalServerPort int port;

    MockMvc logins;
    UnitNames.NamedUnit community;

    @BeforeEach
    void units() {
        logins = LoginRequests.mockMvc(context);
        community = unitNames.search(COMMUNITY, 5).stream().filter(u -> u.code().equals(COMMUNITY)).findFirst().orElseThrow();
    }

    @AfterEach
    void nobody() {
        ActingAs.nobody();
    }

    @Test
    void theSystemAndSecurityAdministratorsSeeTheListAndNobodyElse() throws Exception {
        String staff = gridWorker("listed");
        for (String admin : List.of("sysadmin", "secadmin")) {
            mvc.perform(get("/access/accounts").param("q", staff).with(SignedIn.as(accounts, admin)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(staff)))
                    .andExpect(content().string(containsString(community.name())))
                    .andExpect(content().string(containsString("网格员")))
                    .andExpect(content().string(containsString("id=\"nav-accounts\"")));
        }
        for (String other : List.of("auditor", "admin", "qianjin", "wanggeyuan", "chengguan")) {
            mvc.perform(get("/access/accounts").with(SignedIn.as(accounts, other))).andExpect(status().isForbidden());
            mvc.perform(get("/access/accounts/" + staff).with(SignedIn.as(accounts, other))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/access/audit").with(SignedIn.as(accounts, "auditor")))
                .andExpect(content().string(not(containsString("nav-accounts"))));
    }

    @Test
    void theListSearchesByNameFiltersByRoleAndPages() throws Exception {
        String name = "筛选员" + System.nanoTime() % 100_000;
        String staff = newUsername("filter");
        access.createUser(new NewUser(staff, name, PASSWORD, Set.of(Role.GRID_WORKER), Set.of(community.id()), false));
        mvc.perform(get("/access/accounts").param("q", name).param("role", "GRID_WORKER").with(SignedIn.as(accounts, "secadmin")))
                .andExpect(content().string(containsString(staff)));
        mvc.perform(get("/access/accounts").param("q", staff).param("role", "CITY_ADMIN").with(SignedIn.as(accounts, "secadmin")))
                .andExpect(content().string(not(containsString("id=\"account-" + staff))));
        mvc.perform(get("/access/accounts").param("role", "NO_SUCH_ROLE").with(SignedIn.as(accounts, "secadmin")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(text("access.accounts.role.unknown", "NO_SUCH_ROLE"))));
        mvc.perform(get("/access/accounts").param("page", "9999").with(SignedIn.as(accounts, "secadmin"))).andExpect(status().isOk());
    }

    @Test
    void theSystemAdministratorCreatesAnAccountWhoseGeneratedPasswordMustBeChanged() throws Exception {
        String username = newUsername("new");
        MvcResult created = mvc.perform(create(username, "新网格员", "GRID_WORKER", COMMUNITY, "").with(SignedIn.as(accounts, "sysadmin")))
                .andExpect(redirectedUrl("/access/accounts/" + username)).andReturn();
        String oneTime = (String) created.getFlashMap().get("oneTimePassword");
        assertThat(oneTime).hasSizeGreaterThanOrEqualTo(16);
        mvc.perform(get("/access/accounts/" + username).cookie(created.getResponse().getCookie("SESSION"))
                        .with(SignedIn.as(accounts, "sysadmin")))
                .andExpect(content().string(containsString(oneTime)))
                .andExpect(content().string(containsString(text("access.accounts.created", username))))
                .andExpect(content().string(not(containsString("id=\"roles-form\""))));
        // shown once: the next visit has no password
        mvc.perform(get("/access/accounts/" + username).cookie(created.getResponse().getCookie("SESSION"))
                        .with(SignedIn.as(accounts, "sysadmin")))
                .andExpect(content().string(not(containsString(oneTime))));

        var stored = accounts.findByUsername(username).orElseThrow();
        assertThat(stored.roles()).containsExactly(Role.GRID_WORKER);
        assertThat(stored.unitIds()).containsExactly(community.id());
        assertThat(stored.mustChangePassword()).isTrue();
        assertThat(lastAudit(username)).isEqualTo("USER_CREATED");
        assertThat(jdbc.sql("select actor from access_audit where subject = ? and action = 'USER_CREATED'").param(username)
                .query(String.class).single()).isEqualTo("sysadmin");

        logins.perform(loginForm(username, oneTime, newAddress())).andExpect(redirectedUrl("/account/password"));
    }

    @Test
    void aUnitIsChosenByItsUniqueNameAndATypedPasswordIsKept() throws Exception {
        String username = newUsername("named");
        MvcResult created = mvc.perform(create(username, "社区干部", "COMMUNITY_STAFF", community.name().equals("永安社区") ? "永安社区" : COMMUNITY,
                PASSWORD).with(SignedIn.as(accounts, "sysadmin"))).andExpect(redirectedUrl("/access/accounts/" + username)).andReturn();
        assertThat(created.getFlashMap().get("oneTimePassword")).isNull();
        assertThat(accounts.findByUsername(username).orElseThrow().unitIds()).containsExactly(community.id());
        logins.perform(loginForm(username, PASSWORD, newAddress())).andExpect(redirectedUrl("/account/password"));
    }

    @Test
    void everyBadInputIsRefusedWithItsMessageAndNothingIsStored() throws Exception {
        long users = count("access_user");
        long audit = count("access_audit");
        refused(create("A b!", "名字", "GRID_WORKER", COMMUNITY, ""), "access.user.username.pattern");
        refused(create("qianjin", "重名", "GRID_WORKER", COMMUNITY, ""), "access.accounts.username.taken");
        refused(create(newUsername("x"), "", "GRID_WORKER", COMMUNITY, ""), "access.user.displayName.length", 100);
        refused(create(newUsername("x"), "单位不明", "GRID_WORKER", "没有这个单位", ""), "access.accounts.unit.unknown", "没有这个单位");
        refused(create(newUsername("x"), "单位不明", "GRID_WORKER", "999999999999", ""), "access.accounts.unit.unknown", "999999999999");
        refused(create(newUsername("x"), "无单位", "GRID_WORKER", "", ""), "access.user.units.empty");
        refused(create(newUsername("x"), "无角色", "", COMMUNITY, ""), "access.user.roles.empty");
        refused(create(newUsername("x"), "假角色", "KING", COMMUNITY, ""), "access.accounts.role.unknown", "KING");
        refused(create(newUsername("x"), "管理员", "SECURITY_ADMIN", "", ""), "access.accounts.role.business");
        refused(create(newUsername("x"), "弱密码", "GRID_WORKER", COMMUNITY, "abc123"), "access.password.tooShort", 10);
        refused(create(newUsername("x"), "弱密码", "GRID_WORKER", COMMUNITY, "onlyletters"), "access.password.lettersAndDigits");
        assertThat(count("access_user")).isEqualTo(users);
        assertThat(count("access_audit")).isEqualTo(audit);
    }

    @Test
    void onlyTheSystemAdministratorCreatesAndTheRefusalIsAudited() throws Exception {
        long users = count("access_user");
        String username = newUsername("refused");
        mvc.perform(create(username, "不该有", "GRID_WORKER", COMMUNITY, "").with(SignedIn.as(accounts, "secadmin")))
                .andExpect(status().isForbidden());
        assertThat(lastAudit(username)).isEqualTo("USER_CREATE_REFUSED");
        for (String other : List.of("auditor", "admin", "yongan")) {
            mvc.perform(create(username, "不该有", "GRID_WORKER", COMMUNITY, "").with(SignedIn.as(accounts, other)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/access/accounts/new").with(SignedIn.as(accounts, "secadmin"))).andExpect(status().isForbidden());
        assertThat(count("access_user")).isEqualTo(users);
    }

    @Test
    void theUnitSearchShowsNamesAndCodes() throws Exception {
        mvc.perform(get("/access/accounts/new").param("unitQuery", COMMUNITY).with(SignedIn.as(accounts, "sysadmin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(community.name())))
                .andExpect(content().string(containsString(COMMUNITY)));
    }

    @Test
    void theSecurityAdministratorChangesRolesButNeverBreaksTheSeparation() throws Exception {
        String staff = gridWorker("roles");
        MvcResult changed = mvc.perform(action(staff, "roles").param("roles", "GRID_WORKER", "COMMUNITY_STAFF")
                .with(SignedIn.as(accounts, "secadmin"))).andExpect(redirectedUrl("/access/accounts/" + staff)).andReturn();
        assertThat(accounts.findByUsername(staff).orElseThrow().roles()).containsExactlyInAnyOrder(Role.GRID_WORKER, Role.COMMUNITY_STAFF);
        assertThat(lastAudit(staff)).isEqualTo("ROLES_CHANGED");
        shows(staff, changed, "access.accounts.rolesChanged");

        MvcResult refused = mvc.perform(action(staff, "roles").param("roles", "SYSTEM_ADMIN", "AUDIT_ADMIN")
                .with(SignedIn.as(accounts, "secadmin"))).andExpect(redirectedUrl("/access/accounts/" + staff)).andReturn();
        shows(staff, refused, "access.user.roles.administratorAlone");
        MvcResult withUnits = mvc.perform(action(staff, "roles").param("roles", "AUDIT_ADMIN")
                .with(SignedIn.as(accounts, "secadmin"))).andReturn();
        shows(staff, withUnits, "access.user.units.administrator");
        MvcResult none = mvc.perform(action(staff, "roles").with(SignedIn.as(accounts, "secadmin"))).andReturn();
        shows(staff, none, "access.user.roles.empty");
        assertThat(accounts.findByUsername(staff).orElseThrow().roles()).containsExactlyInAnyOrder(Role.GRID_WORKER, Role.COMMUNITY_STAFF);

        MvcResult own = mvc.perform(action("secadmin", "roles").param("roles", "CITY_ADMIN")
                .with(SignedIn.as(accounts, "secadmin"))).andReturn();
        shows("secadmin", own, "access.user.roles.own");
        assertThat(accounts.findByUsername("secadmin").orElseThrow().roles()).containsExactly(Role.SECURITY_ADMIN);
    }

    @Test
    void nobodyButTheSecurityAdministratorActsOnAccountsAndTheRefusalsAreAudited() throws Exception {
        String staff = gridWorker("nosec");
        for (String action : List.of("roles", "unlock", "disable", "enable", "second-factor/reset", "password/reset")) {
            mvc.perform(action(staff, action).param("roles", "CITY_ADMIN").with(SignedIn.as(accounts, "sysadmin")))
                    .andExpect(status().isForbidden());
            for (String other : List.of("auditor", "admin", "yongan")) {
                mvc.perform(action(staff, action).param("roles", "CITY_ADMIN").with(SignedIn.as(accounts, other)))
                        .andExpect(status().isForbidden());
            }
        }
        var stored = accounts.findByUsername(staff).orElseThrow();
        assertThat(stored.roles()).containsExactly(Role.GRID_WORKER);
        assertThat(stored.enabled()).isTrue();
        assertThat(audits(staff)).contains("ROLES_CHANGE_REFUSED", "UNLOCK_REFUSED", "ACCOUNT_CHANGE_REFUSED")
                .doesNotContain("ROLES_CHANGED", "ACCOUNT_DISABLED", "PASSWORD_RESET", "SECOND_FACTOR_RESET");
        // the system administrator's page of the account offers no security action
        mvc.perform(get("/access/accounts/" + staff).with(SignedIn.as(accounts, "sysadmin")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("id=\"disable\""))));
    }

    @Test
    void theSecurityAdministratorLiftsALoginLock() throws Exception {
        String staff = gridWorker("locked");
        String address = newAddress();
        for (int i = 0; i < 4; i++) {
            logins.perform(loginForm(staff, "Wrong2026xyz", address)).andExpect(redirectedUrl("/login?error"));
        }
        logins.perform(loginForm(staff, "Wrong2026xyz", address)).andExpect(redirectedUrl("/login?locked=15"));
        mvc.perform(get("/access/accounts").param("q", staff).with(SignedIn.as(accounts, "secadmin")))
                .andExpect(content().string(containsString("已锁定")));

        MvcResult unlocked = mvc.perform(action(staff, "unlock").with(SignedIn.as(accounts, "secadmin"))).andReturn();
        shows(staff, unlocked, "access.accounts.unlocked");
        assertThat(lastAudit(staff)).isEqualTo("ACCOUNT_UNLOCKED");
        logins.perform(loginForm(staff, PASSWORD, newAddress())).andExpect(redirectedUrl("/"));
    }

    @Test
    void aDisabledUserCannotLogInAndTheirOpenSessionEnds() throws Exception {
        String staff = gridWorker("disabled");
        StaffSession open = StaffSession.signIn(base(), staff, PASSWORD);
        assertThat(open.get("/casework/inbox", "text/html").uri().getPath()).isEqualTo("/casework/inbox");

        MvcResult disabled = mvc.perform(action(staff, "disable").with(SignedIn.as(accounts, "secadmin"))).andReturn();
        shows(staff, disabled, "access.accounts.disabled");
        assertThat(accounts.findByUsername(staff).orElseThrow().enabled()).isFalse();
        assertThat(lastAudit(staff)).isEqualTo("ACCOUNT_DISABLED");

        assertThat(open.get("/casework/inbox", "text/html").uri().getPath()).isEqualTo("/login");
        logins.perform(loginForm(staff, PASSWORD, newAddress())).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/access/accounts").param("q", staff).with(SignedIn.as(accounts, "secadmin")))
                .andExpect(content().string(containsString("停用")));

        mvc.perform(action(staff, "enable").with(SignedIn.as(accounts, "secadmin")));
        assertThat(lastAudit(staff)).isEqualTo("ACCOUNT_ENABLED");
        logins.perform(loginForm(staff, PASSWORD, newAddress())).andExpect(redirectedUrl("/"));
    }

    @Test
    void anActionOnAnUnknownAccountComesBackToTheListWithItsMessage() throws Exception {
        String nobody = newUsername("nobody");
        MvcResult result = mvc.perform(action(nobody, "disable").with(SignedIn.as(accounts, "secadmin")))
                .andExpect(redirectedUrl("/access/accounts")).andReturn();
        mvc.perform(get("/access/accounts").cookie(result.getResponse().getCookie("SESSION")).with(SignedIn.as(accounts, "secadmin")))
                .andExpect(content().string(containsString(text("access.user.unknown"))));
        mvc.perform(get("/access/accounts/" + nobody).with(SignedIn.as(accounts, "secadmin"))).andExpect(status().isNotFound());
        assertThat(accounts.findByUsername(nobody)).isEmpty();
    }

    @Test
    void theSecurityAdministratorDoesNothingToTheirOwnAccount() throws Exception {
        long audit = count("access_audit");
        for (String action : List.of("disable", "second-factor/reset", "password/reset")) {
            MvcResult own = mvc.perform(action("secadmin", action).with(SignedIn.as(accounts, "secadmin"))).andReturn();
            shows("secadmin", own, "access.accounts.own");
        }
        assertThat(accounts.findByUsername("secadmin").orElseThrow().enabled()).isTrue();
        assertThat(count("access_audit")).isEqualTo(audit + 3);
        assertThat(lastAudit("secadmin")).isEqualTo("ACCOUNT_CHANGE_REFUSED");
    }

    @Test
    void aResetSecondFactorIsGoneAndTheUserEnrolsAgain() throws Exception {
        String admin = newUsername("cityadmin");
        long id = access.createUser(new NewUser(admin, "市局管理员乙", PASSWORD, Set.of(Role.CITY_ADMIN), Set.of(), false));
        String secret = Base32.encode(Totp.newSecret());
        assertThat(factors.confirm(id, secret, Totp.code(Base32.decode(secret), Totp.stepOf(java.time.Instant.now())))).isTrue();
        logins.perform(loginForm(admin, PASSWORD, newAddress())).andExpect(redirectedUrl("/login/code"));
        mvc.perform(get("/access/accounts").param("q", admin).with(SignedIn.as(accounts, "secadmin")))
                .andExpect(content().string(containsString("已启用")));

        MvcResult reset = mvc.perform(action(admin, "second-factor/reset").with(SignedIn.as(accounts, "secadmin"))).andReturn();
        shows(admin, reset, "access.accounts.secondFactorReset");
        assertThat(factors.enrolled(id)).isFalse();
        assertThat(lastAudit(admin)).isEqualTo("SECOND_FACTOR_RESET");

        // the old secret opens nothing; the user is asked for no code and meets the enrolment form with a new secret
        var login = logins.perform(loginForm(admin, PASSWORD, newAddress())).andExpect(redirectedUrl("/")).andReturn();
        logins.perform(get("/account/second-factor").session(LoginRequests.session(login)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"totp-secret\"")))
                .andExpect(content().string(not(containsString(secret))));
    }

    @Test
    void aResetPasswordIsShownOnceAndMustBeChangedAtTheNextLogin() throws Exception {
        String staff = gridWorker("pwreset");
        MvcResult reset = mvc.perform(action(staff, "password/reset").with(SignedIn.as(accounts, "secadmin"))).andReturn();
        String oneTime = (String) reset.getFlashMap().get("oneTimePassword");
        shows(staff, reset, "access.accounts.passwordReset");
        assertThat(lastAudit(staff)).isEqualTo("PASSWORD_RESET");

        logins.perform(loginForm(staff, PASSWORD, newAddress())).andExpect(redirectedUrl("/login?error"));
        logins.perform(loginForm(staff, oneTime, newAddress())).andExpect(redirectedUrl("/account/password"));
    }

    private String gridWorker(String prefix) {
        String username = newUsername(prefix);
        access.createUser(new NewUser(username, "网格员乙", PASSWORD, Set.of(Role.GRID_WORKER), Set.of(community.id()), false));
        return username;
    }

    private static MockHttpServletRequestBuilder create(String username, String name, String role, String units, String password) {
        return post("/access/accounts").param("username", username).param("displayName", name).param("role", role)
                .param("units", units).param("password", password).with(csrf());
    }

    private static MockHttpServletRequestBuilder action(String username, String action) {
        return post("/access/accounts/" + username + "/" + action).with(csrf());
    }

    private void refused(MockHttpServletRequestBuilder request, String code, Object... arguments) throws Exception {
        mvc.perform(request.with(SignedIn.as(accounts, "sysadmin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(text(code, arguments))));
    }

    /** Follows the redirect with the session cookie, as the browser does, and finds the message on the account's page. */
    private void shows(String username, MvcResult result, String code) throws Exception {
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/access/accounts/" + username);
        // the flash waits in the session, which lives in the database: the browser brings its cookie
        mvc.perform(get("/access/accounts/" + username).cookie(result.getResponse().getCookie("SESSION"))
                        .with(SignedIn.as(accounts, "secadmin")))
                .andExpect(content().string(containsString(text(code))));
    }

    private String text(String code, Object... arguments) {
        return messages.getMessage(code, arguments, Locale.SIMPLIFIED_CHINESE);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private String lastAudit(String subject) {
        return audits(subject).get(0);
    }

    private List<String> audits(String subject) {
        return jdbc.sql("select action from access_audit where subject = ? order by id desc").param(subject)
                .query(String.class).list();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
