package cn.linli.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.linli.access.internal.PasswordSettings;

/** The configurable rules of linli.access.password.*. */
class PasswordPolicyTest {

    @Test
    void stricterSettingsAskForMore() {
        var strict = new PasswordSettings(12, true, true, 5, Duration.ofDays(90));
        assertThat(PasswordPolicy.check("Shequ2026ok", strict)).hasValueSatisfying(v -> assertThat(v.code()).isEqualTo("access.password.tooShort"));
        assertThat(PasswordPolicy.check("shequ2026okok", strict)).hasValueSatisfying(v -> assertThat(v.code()).isEqualTo("access.password.mixedCase"));
        assertThat(PasswordPolicy.check("Shequ2026okok", strict)).hasValueSatisfying(v -> assertThat(v.code()).isEqualTo("access.password.symbol"));
        assertThat(PasswordPolicy.check("Shequ-2026-ok", strict)).isEmpty();
        // the built-in policy takes the same passwords it always did
        assertThat(PasswordPolicy.check("shequ2026okok")).isEmpty();
        assertThat(PasswordPolicy.check("shequokokok")).hasValueSatisfying(v -> assertThat(v.code()).isEqualTo("access.password.lettersAndDigits"));
    }

    @Test
    void settingsThatWeakenThePolicyAreRefused() {
        assertThatThrownBy(() -> new PasswordSettings(8, false, false, 5, Duration.ofDays(90))).hasMessageContaining("min-length");
        assertThatThrownBy(() -> new PasswordSettings(10, false, false, 0, Duration.ofDays(90))).hasMessageContaining("history");
    }

    @Test
    void expiryCountsFromTheLastChangeAndZeroMeansNever() {
        Instant now = Instant.parse("2026-11-26T00:00:00Z");
        var ninety = PasswordSettings.defaults();
        assertThat(ninety.expired(now.minus(Duration.ofDays(91)), now)).isTrue();
        assertThat(ninety.expired(now.minus(Duration.ofDays(89)), now)).isFalse();
        assertThat(new PasswordSettings(10, false, false, 5, Duration.ZERO).expired(now.minus(Duration.ofDays(900)), now)).isFalse();
    }
}
