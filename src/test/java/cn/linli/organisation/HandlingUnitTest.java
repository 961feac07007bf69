package cn.linli.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HandlingUnitTest {

    static final LocalDate FROM = LocalDate.of(2024, 1, 1);

    static HandlingUnit department(String name, String key, Set<Long> coverage, Set<String> categories) {
        return new HandlingUnit(1, UnitKind.DEPARTMENT, name, key, 10, null, coverage, categories, null, null, true, FROM, null);
    }

    static void rejected(Runnable build, String field, String code) {
        assertThatThrownBy(build::run).isInstanceOfSatisfying(OrganisationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void aUnitNeedsANameThatIsNotBlank() {
        rejected(() -> department("  ", "chengguan", Set.of(10L), Set.of()), "name", "organisation.error.name-blank");
        assertThat(department(" 城管局 ", "chengguan", Set.of(10L), Set.of()).name()).isEqualTo("城管局");
    }

    @Test
    void aDepartmentNeedsALowerCaseKey() {
        rejected(() -> department("城管局", null, Set.of(10L), Set.of()), "departmentKey", "organisation.error.department-key");
        rejected(() -> department("城管局", "Cheng Guan", Set.of(10L), Set.of()), "departmentKey", "organisation.error.department-key");
    }

    @Test
    void aUnitCoversAtLeastOnePlace() {
        rejected(() -> department("城管局", "chengguan", Set.of(), Set.of()), "coverage", "organisation.error.coverage-empty");
    }

    @Test
    void categoryKeysArePlainCodesAndBlanksAreDropped() {
        rejected(() -> department("城管局", "chengguan", Set.of(10L), Set.of("路灯 不亮")), "categories", "organisation.error.category-key");
        assertThat(department("城管局", "chengguan", Set.of(10L), Set.of(" chengguan ", "", "0301")).categories())
                .containsExactly("0301", "chengguan");
    }

    @Test
    void validityEndsAfterItStartsAndBoundsWhenTheUnitActs() {
        rejected(() -> new HandlingUnit(1, UnitKind.DEPARTMENT, "城管局", "chengguan", 10, null, Set.of(10L), Set.of(), null, null,
                true, FROM, FROM), "validTo", "organisation.error.valid-to");
        var unit = new HandlingUnit(1, UnitKind.DEPARTMENT, "城管局", "chengguan", 10, null, Set.of(10L), Set.of(), null, null,
                true, FROM, FROM.plusYears(1));
        assertThat(unit.inForceOn(FROM)).isTrue();
        assertThat(unit.inForceOn(FROM.minusDays(1))).isFalse();
        assertThat(unit.inForceOn(FROM.plusYears(1))).isFalse();
    }

    @Test
    void aUnitCannotSuperviseItself() {
        rejected(() -> new HandlingUnit(5, UnitKind.DEPARTMENT, "城管局", "chengguan", 10, null, Set.of(10L), Set.of(), 5L, null,
                true, FROM, null), "supervisorId", "organisation.error.supervisor-cycle");
    }

    @Test
    void phoneNumbersLookLikePhoneNumbers() {
        rejected(() -> new HandlingUnit(1, UnitKind.DEPARTMENT, "城管局", "chengguan", 10, null, Set.of(10L), Set.of(), null,
                "call us", true, FROM, null), "phone", "organisation.error.phone");
        assertThat(new HandlingUnit(1, UnitKind.DEPARTMENT, "城管局", "chengguan", 10, null, Set.of(10L), Set.of(), null,
                "0454-8612345", true, FROM, null).phone()).isEqualTo("0454-8612345");
    }
}
