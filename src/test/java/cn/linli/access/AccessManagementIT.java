package cn.linli.access;

import static cn.linli.access.LoginRequests.newUsername;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.linli.access.internal.SignedInUser;
import cn.linli.access.internal.StoredUser;
import cn.linli.access.internal.UserAccounts;
import cn.linli.testing.IntegrationTest;

@IntegrationTest
class AccessManagementIT {

    private static final String PASSWORD = "Shequ2026ok";

    @Autowired
    AccessManagement access;
    @Autowired
    CurrentActor currentActor;
    @Autowired
    AuditLog audit;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void creatingTheSameUsernameAgainReturnsTheExistingUserAndChangesNothing() {
        String username = newUsername("community");
        long first = access.createUser(new NewUser(username, "王社区", PASSWORD, Set.of(Role.COMMUNITY_STAFF), Set.of(5L, 6L), false));
        long count = access.userCount();

        long second = access.createUser(new NewUser(username.toUpperCase(), "别的名字", "Other2026pw",
                Set.of(Role.CITY_ADMIN), Set.of(), true));

        assertThat(second).isEqualTo(first);
        assertThat(access.userCount()).isEqualTo(count);
        StoredUser stored = accounts.findByUsername(username).orElseThrow();
        assertThat(stored.displayName()).isEqualTo("王社区");
        assertThat(stored.roles()).containsExactly(Role.COMMUNITY_STAFF);
        assertThat(stored.unitIds()).containsExactlyInAnyOrder(5L, 6L);
        assertThat(stored.mustChangePassword()).isFalse();
        assertThat(passwords.matches(PASSWORD, stored.passwordHash())).isTrue();
        assertThat(actionsOn(username)).containsExactly("USER_CREATED");
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String username = newUsername("hash");
        access.createUser(new NewUser(username, "哈希", PASSWORD, Set.of(Role.GRID_WORKER), Set.of(1L), false));

        String hash = jdbc.sql("select password_hash from access_user where username = ?").param(username)
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
    }

    @Test
    void changingThePasswordChecksTheCurrentOneAndThePolicy() {
        String username = newUsername("change");
        access.createUser(new NewUser(username, "改密码", PASSWORD, Set.of(Role.GRID_WORKER), Set.of(1L), true));

        assertRejected(() -> access.changePassword(username, "Wrong2026pw", "Newer2026pw"), "currentPassword",
                "access.password.currentWrong");
        assertRejected(() -> access.changePassword(username, PASSWORD, "short1"), "newPassword", "access.password.tooShort");
        assertRejected(() -> access.changePassword(username, PASSWORD, "lettersonlyhere"), "newPassword",
                "access.password.lettersAndDigits");
        assertRejected(() -> access.changePassword(username, PASSWORD, PASSWORD), "newPassword", "access.password.sameAsOld");
        assertRejected(() -> access.changePassword("nobody-at-all", PASSWORD, "Newer2026pw"), "currentPassword",
                "access.password.currentWrong");
        assertThat(passwords.matches(PASSWORD, accounts.findByUsername(username).orElseThrow().passwordHash())).isTrue();

        access.changePassword(username, PASSWORD, "Newer2026pw");

        StoredUser changed = accounts.findByUsername(username).orElseThrow();
        assertThat(passwords.matches("Newer2026pw", changed.passwordHash())).isTrue();
        assertThat(changed.mustChangePassword()).isFalse();
        assertThat(actionsOn(username)).containsSubsequence("USER_CREATED", "PASSWORD_CHANGE_REFUSED", "PASSWORD_CHANGED");
    }

    @Test
    void currentActorIsTheLoggedInUserWithRolesAndUnits() {
        String username = newUsername("actor");
        long id = access.createUser(new NewUser(username, "孙部门", PASSWORD, Set.of(Role.DEPARTMENT_STAFF, Role.GRID_WORKER),
                Set.of(11L, 12L), false));
        logIn(username);

        Actor actor = currentActor.current();

        assertThat(actor.userId()).isEqualTo(id);
        assertThat(actor.displayName()).isEqualTo("孙部门");
        assertThat(actor.roles()).containsExactly(Role.GRID_WORKER, Role.DEPARTMENT_STAFF);
        assertThat(actor.jurisdiction()).isEqualTo(Jurisdiction.units(Set.of(11L, 12L)));
        assertThat(actor.jurisdiction().unrestricted()).isFalse();
    }

    @Test
    void withoutLoginThereIsNoActor() {
        assertThat(currentActor.find()).isEmpty();
        assertThatThrownBy(currentActor::current)
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class)
                .hasMessageContaining("Nobody is logged in");
    }

    @Test
    void auditNamesTheLoggedInUserOrTheSystem() {
        String subject = newUsername("subject");
        audit.record("TEST_ACTION", subject, "by nobody");
        String username = newUsername("auditor");
        access.createUser(new NewUser(username, "审计", PASSWORD, Set.of(Role.CITY_ADMIN), Set.of(), false));
        logIn(username);
        audit.record("TEST_ACTION", subject, "x".repeat(2000));

        List<AuditEntry> entries = audit.latest(50).stream().filter(entry -> subject.equals(entry.subject())).toList();
        assertThat(entries).extracting(AuditEntry::actor).containsExactly(username, AuditLog.SYSTEM);
        assertThat(entries.get(0).detail()).hasSize(1000);
    }

    private void logIn(String username) {
        var user = SignedInUser.of(accounts.findByUsername(username).orElseThrow());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private List<String> actionsOn(String username) {
        return jdbc.sql("select action from access_audit where subject = ? order by id").param(username)
                .query(String.class).list();
    }

    private static void assertRejected(Runnable change, String field, String code) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(PasswordRejectedException.class, rejected -> {
            assertThat(rejected.field()).isEqualTo(field);
            assertThat(rejected.getCodes()).containsExactly(code);
        });
    }
}
