package cn.linli.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.linli.organisation.UnitKind;
import cn.linli.shared.DivisionCode;
import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.UnitType;

class OfficeDerivationTest {

    static final LocalDate DAY = LocalDate.of(2024, 1, 1);

    static Division unit(long id, String code, String name, Long parent) {
        DivisionCode c = DivisionCode.of(code);
        return new Division(id, c.level(), UnitType.implied(c), c, name, null, parent, DAY);
    }

    final DivisionTree tree = new DivisionTree(DAY, List.of(
            unit(1, "970100000000", "测试市", null),
            unit(2, "970101000000", "甲区", 1L),
            unit(3, "970101001000", "一街道", 2L),
            unit(4, "970101001001", "东社区", 3L),
            unit(5, "970101198000", "甲区直辖", 2L),
            unit(6, "970101198001", "西社区", 5L),
            unit(7, "970101101000", "某镇", 2L),
            unit(8, "970101101201", "张村", 7L),
            unit(9, "970101001001001", "东社区第1网格", 4L)));

    final Map<Long, WantedOffice> byUnit = OfficeDerivation.of(tree).stream()
            .collect(Collectors.toMap(WantedOffice::territoryUnitId, Function.identity()));

    @Test
    void eachCountyStreetAndCommunityGetsItsOfficeButGridsDoNot() {
        assertThat(byUnit.get(2L).kind()).isEqualTo(UnitKind.DISTRICT_GOVERNMENT);
        assertThat(byUnit.get(2L).name()).isEqualTo("甲区人民政府");
        assertThat(byUnit.get(3L).name()).isEqualTo("一街道办事处");
        assertThat(byUnit.get(7L).name()).isEqualTo("某镇人民政府");
        assertThat(byUnit.get(4L).name()).isEqualTo("东社区居民委员会");
        assertThat(byUnit.get(8L).name()).isEqualTo("张村民委员会");
        assertThat(byUnit).doesNotContainKeys(1L, 9L);
    }

    @Test
    void communitiesEscalateToTheirStreetAndStreetsToTheDistrictGovernment() {
        assertThat(byUnit.get(4L).supervisorKind()).isEqualTo(UnitKind.STREET_OFFICE);
        assertThat(byUnit.get(4L).supervisorTerritoryUnitId()).isEqualTo(3L);
        assertThat(byUnit.get(3L).supervisorKind()).isEqualTo(UnitKind.DISTRICT_GOVERNMENT);
        assertThat(byUnit.get(3L).supervisorTerritoryUnitId()).isEqualTo(2L);
    }

    @Test
    void directlyAdministeredCommunitiesAnswerToTheDistrictGovernment() {
        assertThat(byUnit).doesNotContainKey(5L);
        assertThat(byUnit.get(6L).supervisorKind()).isEqualTo(UnitKind.DISTRICT_GOVERNMENT);
        assertThat(byUnit.get(6L).supervisorTerritoryUnitId()).isEqualTo(2L);
    }

    @Test
    void supervisorsComeBeforeTheirSubordinates() {
        List<UnitKind> kinds = OfficeDerivation.of(tree).stream().map(WantedOffice::kind).toList();
        assertThat(kinds.lastIndexOf(UnitKind.DISTRICT_GOVERNMENT)).isLessThan(kinds.indexOf(UnitKind.STREET_OFFICE));
        assertThat(kinds.lastIndexOf(UnitKind.STREET_OFFICE)).isLessThan(kinds.indexOf(UnitKind.COMMUNITY_OFFICE));
    }
}
