package cn.linli.casework.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import cn.linli.casework.CategoryException;
import cn.linli.worktime.TimeLimit;
import cn.linli.worktime.TimeLimitUnit;

class CategoryLimitTest {

    @Test
    void limitsReadTheirShortForm() {
        assertThat(CategoryLimit.parse("5WH")).isEqualTo(new TimeLimit(5, TimeLimitUnit.WORKING_HOURS));
        assertThat(CategoryLimit.parse(" 15 wd ")).isEqualTo(new TimeLimit(15, TimeLimitUnit.WORKING_DAYS));
        assertThat(CategoryLimit.parse("6NH").shortForm()).isEqualTo("6NH");
        assertThatThrownBy(() -> CategoryLimit.parse("five days")).isInstanceOf(CategoryException.class);
        assertThatThrownBy(() -> CategoryLimit.parse("3XY")).isInstanceOf(CategoryException.class);
    }

    @Test
    void aCategoryLimitIsPositiveAndAtMostAboutAYear() {
        assertThatThrownBy(() -> CategoryLimit.of(0, TimeLimitUnit.WORKING_DAYS)).isInstanceOf(CategoryException.class);
        assertThatThrownBy(() -> CategoryLimit.of(366, TimeLimitUnit.WORKING_DAYS)).isInstanceOf(CategoryException.class);
        assertThat(CategoryLimit.of(365 * 24, TimeLimitUnit.NATURAL_HOURS).amount()).isEqualTo(8760);
    }

    @Test
    void limitsInDifferentUnitsCompareByNominalWorkingHours() {
        assertThat(CategoryLimit.nominalWorkingHours(TimeLimit.workingDays(1))).isEqualTo(8.0);
        assertThat(CategoryLimit.nominalWorkingHours(TimeLimit.naturalHours(24))).isEqualTo(8.0);
        assertThat(CategoryLimit.nominalWorkingHours(TimeLimit.naturalHours(6)))
                .isLessThan(CategoryLimit.nominalWorkingHours(TimeLimit.workingHours(5)));
    }
}
