package cn.linli.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CategoryValuesTest {

    @Test
    void limitsReadTheirShortForm() {
        assertThat(TimeLimit.parse("5WH")).isEqualTo(new TimeLimit(5, LimitUnit.WORKING_HOURS));
        assertThat(TimeLimit.parse(" 15 wd ")).isEqualTo(new TimeLimit(15, LimitUnit.WORKING_DAYS));
        assertThat(TimeLimit.parse("6NH").toString()).isEqualTo("6NH");
        assertThatThrownBy(() -> TimeLimit.parse("five days")).isInstanceOf(CategoryException.class);
        assertThatThrownBy(() -> TimeLimit.parse("3XY")).isInstanceOf(CategoryException.class);
    }

    @Test
    void aLimitIsPositiveAndAtMostAboutAYear() {
        assertThatThrownBy(() -> new TimeLimit(0, LimitUnit.WORKING_DAYS)).isInstanceOf(CategoryException.class);
        assertThatThrownBy(() -> new TimeLimit(366, LimitUnit.WORKING_DAYS)).isInstanceOf(CategoryException.class);
        assertThat(new TimeLimit(365 * 24, LimitUnit.NATURAL_HOURS).amount()).isEqualTo(8760);
    }

    @Test
    void limitsInDifferentUnitsCompareByNominalWorkingHours() {
        assertThat(new TimeLimit(1, LimitUnit.WORKING_DAYS).nominalWorkingHours()).isEqualTo(8.0);
        assertThat(new TimeLimit(24, LimitUnit.NATURAL_HOURS).nominalWorkingHours()).isEqualTo(8.0);
        assertThat(new TimeLimit(6, LimitUnit.NATURAL_HOURS).nominalWorkingHours()).isLessThan(new TimeLimit(5, LimitUnit.WORKING_HOURS).nominalWorkingHours());
    }

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
        assertThat(RequestType.INQUIRY.hotlineHandlingLimit()).isEqualTo(new TimeLimit(2, LimitUnit.WORKING_DAYS));
        assertThat(RequestType.HELP.hotlineHandlingLimit()).isEqualTo(new TimeLimit(10, LimitUnit.WORKING_DAYS));
        assertThat(RequestType.COMPLAINT.hotlineHandlingLimit()).isEqualTo(new TimeLimit(15, LimitUnit.WORKING_DAYS));
    }
}
