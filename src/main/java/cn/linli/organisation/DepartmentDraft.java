package cn.linli.organisation;

import java.time.LocalDate;
import java.util.Set;

/**
 * A department as entered by an administrator, before the rules that need the territory and the other units are
 * checked. Coverage defaults to the home unit, the validity to "from today", the unit to active.
 */
public record DepartmentDraft(String name, String departmentKey, Long homeUnitId, Set<Long> coverage, Set<String> categories,
        Long supervisorId, String phone, Boolean active, LocalDate validFrom, LocalDate validTo) {

    HandlingUnit toUnit(long id, LocalDate today) {
        if (homeUnitId == null) throw new OrganisationException("homeUnitId", "organisation.error.home-missing");
        Set<Long> covered = coverage == null || coverage.isEmpty() ? Set.of(homeUnitId) : coverage;
        return new HandlingUnit(id, UnitKind.DEPARTMENT, name, departmentKey, homeUnitId, null, covered, categories,
                supervisorId, phone, active == null || active, validFrom == null ? today : validFrom, validTo);
    }
}
