package cn.linli.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import cn.linli.access.EmbeddedAccess;
import cn.linli.access.NewUser;
import cn.linli.access.Role;

/** Production mode on an empty database: the first administrator comes from the environment, or start-up stops. */
class FirstAdministratorTest {

    private final EmbeddedAccess access = EmbeddedAccess.start();

    @Test
    void withoutAPasswordStartUpFailsAndSaysWhatToSet() {
        var firstAdministrator = new FirstAdministrator(access.management, new FirstAdministratorSettings("admin", null, "管理员"));

        assertThatThrownBy(firstAdministrator::ensureExists)
                .isInstanceOf(FirstAdministratorPasswordMissingException.class)
                .hasMessageContaining("LINLI_ADMIN_PASSWORD")
                .hasMessageContaining("LINLI_ADMIN_USERNAME");
        assertThat(access.management.userCount()).isZero();
    }

    @Test
    void bootReportsTheMissingPasswordAsAnAction() {
        FailureAnalysis analysis = new FirstAdministratorFailureAnalyzer()
                .analyze(new IllegalStateException("context failed", new FirstAdministratorPasswordMissingException()));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getAction()).contains("Set LINLI_ADMIN_PASSWORD");
    }

    @Test
    void withAPasswordTheCityAdministratorIsCreatedAndMustChangeIt() {
        new FirstAdministrator(access.management, new FirstAdministratorSettings("Chief", "Start2026abc", "管理员"))
                .ensureExists();

        StoredUser admin = access.accounts().findByUsername("chief").orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.CITY_ADMIN);
        assertThat(admin.jurisdiction().unrestricted()).isTrue();
        assertThat(admin.mustChangePassword()).isTrue();
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("Start2026abc", admin.passwordHash()))
                .isTrue();
        assertThat(admin.passwordHash()).startsWith("{bcrypt}");
        assertThat(access.audit.latest(5)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("USER_CREATED");
            assertThat(entry.subject()).isEqualTo("chief");
            assertThat(entry.actor()).isEqualTo("system");
        });
    }

    @Test
    void anInstallationWithUsersNeedsNoPassword() {
        access.management.createUser(new NewUser("wangwu", "王五", "Wangwu12345", Set.of(Role.GRID_WORKER), Set.of(3L), false));

        new FirstAdministrator(access.management, new FirstAdministratorSettings("admin", null, "管理员")).ensureExists();

        assertThat(access.management.userCount()).isEqualTo(1);
    }

    @Test
    void aWeakPasswordIsRefusedNamingTheVariable() {
        var firstAdministrator = new FirstAdministrator(access.management, new FirstAdministratorSettings("admin", "admin", "管理员"));

        assertThatThrownBy(firstAdministrator::ensureExists)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LINLI_ADMIN_PASSWORD")
                .hasMessageContaining("at least 10 characters");
        assertThat(access.management.userCount()).isZero();
    }
}
