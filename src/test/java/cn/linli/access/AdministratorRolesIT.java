package cn.linli.access;

import static cn.linli.access.LoginRequests.newUsername;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import cn.linli.access.internal.UserAccounts;
import cn.linli.testing.ActingAs;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;

/** 三员分立: the three administrators are separate accounts, each with its own powers and only those. */
@IntegrationTest
class AdministratorRolesIT {

    private static final String PASSWORD = "Shequ2026ok";

    @Autowired AccessManagement access;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @AfterEach
    void nobody() {
        ActingAs.nobody();
    }

    @Test
    void theDemoHasOneLoginForEachAdministrator() {
        assertThat(accounts.findByUsername("sysadmin").orElseThrow().roles()).containsExactly(Role.SYSTEM_ADMIN);
        assertThat(accounts.findByUsername("secadmin").orElseThrow().roles()).containsExactly(Role.SECURITY_ADMIN);
        assertThat(accounts.findByUsername("auditor").orElseThrow().roles()).containsExactly(Role.AUDIT_ADMIN);
        assertThat(accounts.findByUsername("auditor").orElseThrow().unitIds()).isEmpty();
    }

    @Test
    void noAccountIsCreatedWithTwoAdministratorRoles() {
        String name = newUsername("two");
        assertThatThrownBy(() -> new NewUser(name, "两个角色", PASSWORD, Set.of(Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN), Set.of(), false))
                .isInstanceOfSatisfying(InvalidUserException.class,
                        e -> assertThat(e.code()).isEqualTo("access.user.roles.administratorAlone"));
        assertThatThrownBy(() -> new NewUser(name, "兼任", PASSWORD, Set.of(Role.AUDIT_ADMIN, Role.CITY_ADMIN), Set.of(), false))
                .isInstanceOf(InvalidUserException.class);
        assertThat(accounts.findByUsername(name)).isEmpty();
    }

    @Test
    void theDatabaseRefusesTwoAdministratorRolesWhateverWritesIt() {
        long id = access.createUser(new NewUser(newUsername("db"), "系统", PASSWORD, Set.of(Role.SYSTEM_ADMIN), Set.of(), false));
        assertThatThrownBy(() -> jdbc.sql("insert into access_user_role (user_id, role) values (?, 'AUDIT_ADMIN')").params(id).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        // a business role beside it is not the database's concern (the service refuses it)
        assertThat(jdbc.sql("select role from access_user_role where user_id = ?").param(id).query(String.class).list())
                .containsExactly("SYSTEM_ADMIN");
    }

    @Test
    void theSecurityAdministratorAssignsRolesButNeverTwoAdministratorRoles() {
        String name = newUsername("staff");
        access.createUser(new NewUser(name, "系统", PASSWORD, Set.of(Role.SYSTEM_ADMIN), Set.of(), false));
        ActingAs.user(accounts, "secadmin");

        assertThatThrownBy(() -> access.changeRoles(name, Set.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN)))
                .isInstanceOfSatisfying(InvalidUserException.class,
                        e -> assertThat(e.code()).isEqualTo("access.user.roles.administratorAlone"));
        assertThat(accounts.findByUsername(name).orElseThrow().roles()).containsExactly(Role.SYSTEM_ADMIN);

        access.changeRoles(name, Set.of(Role.AUDIT_ADMIN));
        assertThat(accounts.findByUsername(name).orElseThrow().roles()).containsExactly(Role.AUDIT_ADMIN);
        assertThat(lastAudit(name)).isEqualTo("ROLES_CHANGED");
    }

    @Test
    void nobodyChangesTheirOwnRolesAndTheAuditorChangesNoneAtAll() {
        ActingAs.user(accounts, "secadmin");
        assertThatThrownBy(() -> access.changeRoles("secadmin", Set.of(Role.CITY_ADMIN)))
                .isInstanceOfSatisfying(InvalidUserException.class, e -> assertThat(e.code()).isEqualTo("access.user.roles.own"));

        ActingAs.user(accounts, "auditor");
        assertThatThrownBy(() -> access.changeRoles("auditor", Set.of(Role.SECURITY_ADMIN))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> access.changeRoles("qianjin", Set.of(Role.CITY_ADMIN))).isInstanceOf(AccessDeniedException.class);
        assertThat(accounts.findByUsername("auditor").orElseThrow().roles()).containsExactly(Role.AUDIT_ADMIN);
        assertThat(accounts.findByUsername("qianjin").orElseThrow().roles()).containsExactly(Role.DISTRICT_STAFF);
        assertThat(lastAudit("auditor")).isEqualTo("ROLES_CHANGE_REFUSED");

        ActingAs.user(accounts, "admin");
        assertThatThrownBy(() -> access.changeRoles("qianjin", Set.of(Role.CITY_ADMIN))).isInstanceOf(AccessDeniedException.class);
        ActingAs.user(accounts, "sysadmin");
        assertThatThrownBy(() -> access.unlock("qianjin")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void eachAdministratorOpensOnlyTheirOwnPages() throws Exception {
        mvc.perform(get("/access/audit").with(SignedIn.as(accounts, "auditor"))).andExpect(status().isOk());
        mvc.perform(get("/actuator/metrics").with(SignedIn.as(accounts, "auditor"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/metrics").with(SignedIn.as(accounts, "sysadmin"))).andExpect(status().isOk());
        for (String user : List.of("sysadmin", "secadmin", "admin")) {
            mvc.perform(get("/access/audit").with(SignedIn.as(accounts, user))).andExpect(status().isForbidden());
        }
    }

    private String lastAudit(String subject) {
        return jdbc.sql("select action from access_audit where subject = ? order by id desc").param(subject)
                .query(String.class).list().get(0);
    }
}
