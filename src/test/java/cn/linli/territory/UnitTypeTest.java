package cn.linli.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import cn.linli.shared.DivisionCode;

class UnitTypeTest {

    @Test
    void aTypeMustFitItsLevelDigits() {
        assertThat(UnitType.STREET.fits(DivisionCode.of("230804007000"))).isTrue();
        assertThat(UnitType.STREET.fits(DivisionCode.of("230882101000"))).isFalse();
        assertThat(UnitType.implied(DivisionCode.of("230882101000"))).isEqualTo(UnitType.TOWN);
        assertThat(UnitType.implied(DivisionCode.of("230804198000"))).isEqualTo(UnitType.DIRECT_ADMINISTRATION);
        assertThat(UnitType.implied(DivisionCode.of("230826200000"))).isEqualTo(UnitType.TOWNSHIP);
        assertThat(UnitType.implied(DivisionCode.of("230881501000"))).isEqualTo(UnitType.TOWNSHIP_LIKE);
        assertThat(UnitType.implied(DivisionCode.of("230804007001"))).isEqualTo(UnitType.RESIDENTS_COMMITTEE);
        assertThat(UnitType.implied(DivisionCode.of("230826200201"))).isEqualTo(UnitType.VILLAGE_COMMITTEE);
        assertThat(UnitType.implied(DivisionCode.of("230804000000"))).isEqualTo(UnitType.DISTRICT);
        assertThat(UnitType.implied(DivisionCode.of("230822000000"))).isEqualTo(UnitType.COUNTY);
        assertThat(UnitType.implied(DivisionCode.of("230881000000"))).isEqualTo(UnitType.COUNTY_CITY);
        assertThatThrownBy(() -> UnitType.implied(DivisionCode.of("230826700000"))).isInstanceOf(TerritoryException.class);
    }
}
