package cn.linli.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import cn.linli.access.EmbeddedAccess;
import cn.linli.access.Role;

/** Production start-up creates the three administrators whose first password is set, once. */
class SeparateAdministratorsTest {

    @Test
    void createsEachAdministratorWhosePasswordIsSetOnce() {
        EmbeddedAccess access = EmbeddedAccess.start();
        var settings = new SeparateAdministrators.Settings("Start2026sys", null, "Start2026aud");
        assertThat(new SeparateAdministrators(access.management, settings).ensureExist()).containsExactly("sysadmin", "auditor");
        StoredUser auditor = access.accounts().findByUsername("auditor").orElseThrow();
        assertThat(auditor.roles()).containsExactly(Role.AUDIT_ADMIN);
        assertThat(auditor.mustChangePassword()).isTrue();
        assertThat(access.accounts().findByUsername("secadmin")).isEmpty();
        assertThat(new SeparateAdministrators(access.management, settings).ensureExist()).isEmpty();
    }

    @Test
    void aWeakPasswordStopsTheStartAndNamesTheVariable() {
        EmbeddedAccess access = EmbeddedAccess.start();
        var settings = new SeparateAdministrators.Settings(null, "secadmin", null);
        assertThatThrownBy(() -> new SeparateAdministrators(access.management, settings).ensureExist())
                .hasMessageContaining("LINLI_SECADMIN_PASSWORD");
        assertThat(access.accounts().findByUsername("secadmin")).isEmpty();
    }
}
