package cn.linli.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.NestedExceptionUtils;

import cn.linli.LinliApplication;
import cn.linli.access.internal.crypto.ProtectionKeyMissingException;

/**
 * Production mode without a protection key: the application does not start, and Boot's failure report says which
 * key to set. Runs the real application; the database does not matter here, so it is always a fresh H2.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProtectionKeyMissingIT {

    @Test
    void productionModeWithoutAKeyFailsToStartAndSaysWhatToSet(CapturedOutput output) {
        String[] arguments = {
                "--linli.demo.enabled=false",
                "--linli.access.first-admin.password=Start2026abc",
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:protection-key-missing;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--linli.protection.keys.1="};

        assertThatThrownBy(() -> new SpringApplicationBuilder(LinliApplication.class).run(arguments))
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                        .isInstanceOf(ProtectionKeyMissingException.class)
                        .hasMessageContaining("linli.protection.keys.1"));
        assertThat(output).contains("APPLICATION FAILED TO START").contains("LINLI_PROTECTION_KEYS_1");
    }
}
