package cn.linli.organisation;

import static org.assertj.core.api.Assertions.assertThatCode;

import static cn.linli.organisation.HandlingUnitTest.rejected;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.linli.organisation.internal.Directory;
import cn.linli.shared.DivisionCode;
import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.UnitType;

class DepartmentRulesTest {

    static final LocalDate DAY = LocalDate.of(2024, 1, 1);

    static Division unit(long id, String code, String name, Long parent) {
        DivisionCode c = DivisionCode.of(code);
        return new Division(id, c.level(), UnitType.implied(c), c, name, null, parent, DAY);
    }

    final DivisionTree tree = new DivisionTree(DAY, List.of(unit(1, "970100000000", "测试市", null),
            unit(2, "970101000000", "甲区", 1L), unit(3, "970102000000", "乙区", 1L), unit(4, "970101001000", "一街道", 2L),
            unit(9, "970200000000", "邻市", null)));

    static HandlingUnit department(long id, long home, Set<Long> coverage, Long supervisor) {
        return new HandlingUnit(id, UnitKind.DEPARTMENT, "部门" + id, "chengguan", home, null, coverage, Set.of(), supervisor, null,
                true, DAY, null);
    }

    @Test
    void aDistrictBureauCoversNothingOutsideItsDistrict() {
        rejected(() -> DepartmentRules.check(department(0, 2, Set.of(3L), null), tree, Directory.empty()),
                "coverage", "organisation.error.coverage-outside");
        assertThatCode(() -> DepartmentRules.check(department(0, 2, Set.of(4L), null), tree, Directory.empty())).doesNotThrowAnyException();
    }

    @Test
    void aCityDepartmentCoversNothingOutsideTheCity() {
        rejected(() -> DepartmentRules.check(department(0, 1, Set.of(9L), null), tree, Directory.empty()),
                "coverage", "organisation.error.coverage-outside");
        rejected(() -> DepartmentRules.check(department(0, 1, Set.of(77L), null), tree, Directory.empty()),
                "coverage", "organisation.error.coverage-unknown");
    }

    @Test
    void aDepartmentBelongsToTheCityOrACounty() {
        rejected(() -> DepartmentRules.check(department(0, 4, Set.of(4L), null), tree, Directory.empty()),
                "homeUnitId", "organisation.error.home-level");
        rejected(() -> DepartmentRules.check(department(0, 77, Set.of(4L), null), tree, Directory.empty()),
                "homeUnitId", "organisation.error.home-unknown");
    }

    @Test
    void aSupervisorChainMayNotLoopBack() {
        var a = department(10, 1, Set.of(1L), null);
        var b = department(11, 1, Set.of(1L), 10L);
        var c = department(12, 1, Set.of(1L), 11L);
        Directory directory = new Directory(List.of(a, b, c), List.of());
        rejected(() -> DepartmentRules.check(department(10, 1, Set.of(1L), 12L), tree, directory),
                "supervisorId", "organisation.error.supervisor-cycle");
        rejected(() -> DepartmentRules.check(department(0, 1, Set.of(1L), 99L), tree, directory),
                "supervisorId", "organisation.error.supervisor-unknown");
        assertThatCode(() -> DepartmentRules.check(department(13, 1, Set.of(1L), 12L), tree, directory)).doesNotThrowAnyException();
    }
}
