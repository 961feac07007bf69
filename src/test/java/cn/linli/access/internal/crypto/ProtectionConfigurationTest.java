package cn.linli.access.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import cn.linli.access.Permission;
import cn.linli.access.PersonalField;
import cn.linli.access.Role;

/** Keys come from the configuration; production mode never runs on a missing, short or published key. */
class ProtectionConfigurationTest {

    static final String KEY = "1YsQuLPx4ihci8zMOP/OWvpkME0FZZULtjIFbsXWR60=";
    static final PersonalField FIELD = new PersonalField("registry.resident.id_number");

    static ProtectionSettings settings(String algorithm, int current, Map<Integer, String> keys) {
        return new ProtectionSettings(algorithm, current, 1, keys, Set.of(Role.CITY_ADMIN), Set.of(Role.CITY_ADMIN));
    }

    @Test
    void demoModeWithoutKeysUsesThePublishedDemoKey() {
        Protector protector = new ProtectionConfiguration().protector(settings("SM4-GCM", 1, Map.of()), true);

        assertThat(protector.reveal(FIELD, protector.protect(FIELD, "x"))).isEqualTo("x");
        assertThat(protector.protect(FIELD, "x").algorithm()).isEqualTo("SM4-GCM");
    }

    @Test
    void productionModeWithoutTheCurrentKeyRefusesToStart() {
        assertThatThrownBy(() -> new ProtectionConfiguration().protector(settings("AES-GCM", 1, Map.of()), false))
                .isInstanceOfSatisfying(ProtectionKeyMissingException.class,
                        e -> assertThat(e.property()).isEqualTo("linli.protection.keys.1"));
        assertThatThrownBy(() -> new ProtectionConfiguration().protector(settings("AES-GCM", 2, Map.of(1, KEY)), false))
                .isInstanceOfSatisfying(ProtectionKeyMissingException.class,
                        e -> assertThat(e.property()).isEqualTo("linli.protection.keys.2"));
    }

    @Test
    void shortMalformedAndPublishedKeysAreRefusedWithoutPrintingThem() {
        assertThatThrownBy(() -> ProtectionConfiguration.keyRing(settings("AES-GCM", 1, Map.of(1, "c2hvcnQ=")), false))
                .isInstanceOf(ProtectionKeyMissingException.class).hasMessageContaining("at least 32")
                .hasMessageNotContaining("c2hvcnQ=");
        assertThatThrownBy(() -> ProtectionConfiguration.keyRing(settings("AES-GCM", 1, Map.of(1, "not base64!")), false))
                .isInstanceOf(ProtectionKeyMissingException.class).hasMessageContaining("not Base64");
        assertThatThrownBy(() -> ProtectionConfiguration.keyRing(
                settings("AES-GCM", 1, Map.of(1, ProtectionConfiguration.DEMO_KEY)), false))
                .isInstanceOf(ProtectionKeyMissingException.class).hasMessageContaining("published demo key");
        assertThatThrownBy(() -> new ProtectionConfiguration().protector(settings("DES", 1, Map.of(1, KEY)), false))
                .hasMessageContaining("AES-GCM or SM4-GCM");
    }

    @Test
    void bootReportsTheMissingKeyAsAnAction() {
        FailureAnalysis analysis = new ProtectionKeyFailureAnalyzer().analyze(new IllegalStateException("context failed",
                new ProtectionKeyMissingException("linli.protection.keys.1", "no key")));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getAction()).contains("LINLI_PROTECTION_KEYS_1").contains("openssl rand -base64 32");
    }

    @Test
    void permissionsAreReadFromOnePlace() {
        var settings = new ProtectionSettings("AES-GCM", 1, 1, Map.of(), Set.of(Role.CITY_ADMIN, Role.GRID_WORKER),
                Set.of(Role.COMMUNITY_STAFF));

        assertThat(settings.rolesWith(Permission.UNMASK)).containsExactlyInAnyOrder(Role.CITY_ADMIN, Role.GRID_WORKER);
        assertThat(settings.rolesWith(Permission.READ_SENSITIVE)).containsExactly(Role.COMMUNITY_STAFF);
        assertThat(settings.toString()).doesNotContain(KEY);
    }
}
