package cn.linli.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DivisionCodeTest {

    @Test
    void levelIsReadFromTheTrailingZeroGroups() {
        assertThat(DivisionCode.of("230800000000").level()).isEqualTo(DivisionLevel.CITY);
        assertThat(DivisionCode.of("230804000000").level()).isEqualTo(DivisionLevel.COUNTY);
        assertThat(DivisionCode.of("230804007000").level()).isEqualTo(DivisionLevel.TOWNSHIP);
        assertThat(DivisionCode.of("230804007001").level()).isEqualTo(DivisionLevel.COMMUNITY);
        assertThat(DivisionCode.of("230804007001003").level()).isEqualTo(DivisionLevel.GRID);
        assertThat(DivisionCode.of("230804007001003").community()).isEqualTo(DivisionCode.of("230804007001"));
    }

    @Test
    void codesOfTheWrongLengthOrWithNonNestingGroupsAreRefused() {
        assertThatThrownBy(() -> DivisionCode.of("2308040070")).isInstanceOfSatisfying(InvalidDivisionCodeException.class,
                e -> assertThat(e.reason()).isEqualTo("length"));
        assertThatThrownBy(() -> DivisionCode.of("23080400700A")).isInstanceOf(InvalidDivisionCodeException.class);
        assertThatThrownBy(() -> DivisionCode.of("230804000001")).isInstanceOfSatisfying(InvalidDivisionCodeException.class,
                e -> assertThat(e.reason()).isEqualTo("structure"));
        assertThatThrownBy(() -> DivisionCode.of("230804007001000")).isInstanceOfSatisfying(InvalidDivisionCodeException.class,
                e -> assertThat(e.reason()).isEqualTo("grid"));
        assertThatThrownBy(() -> DivisionCode.of(null)).isInstanceOf(InvalidDivisionCodeException.class);
    }
}
