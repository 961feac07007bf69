package cn.linli.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import cn.linli.worktime.TimeLimit;
import cn.linli.worktime.TimeLimitUnit;

class CategoryValuesTest {

    @Test
    void codesAreNormalisedAndValidated() {
        assertThat(CategoryCode.of(" sj0102 ").value()).isEqualTo("SJ0102");
        assertThatThrownBy(() -> CategoryCode.of("SJ1")).isInstanceOfSatisfying(CategoryException.class,
                e -> assertThat(e.problems().get(0).key()).isEqualTo("casework.error.code-format"));
        assertThatThrownBy(() -> CategoryCode.of(null)).isInstanceOf(CategoryException.class);
    }

    @Test
    void reportsOfWrongdoingAreAlwaysConfidentialAndTheHotlineLimitsAreGuangdongs() {
        assertThat(RequestType.REPORT.alwaysConfidential()).isTrue();
        assertThat(RequestType.COMPLAINT.alwaysConfidential()).isFalse();
        assertThat(RequestType.INQUIRY.hotlineHandlingLimit()).isEqualTo(new TimeLimit(2, TimeLimitUnit.WORKING_DAYS));
        assertThat(RequestType.HELP.hotlineHandlingLimit()).isEqualTo(new TimeLimit(10, TimeLimitUnit.WORKING_DAYS));
        assertThat(RequestType.COMPLAINT.hotlineHandlingLimit()).isEqualTo(new TimeLimit(15, TimeLimitUnit.WORKING_DAYS));
    }
}
