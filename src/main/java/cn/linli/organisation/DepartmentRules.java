package cn.linli.organisation;

import java.util.HashSet;
import java.util.Set;

import cn.linli.organisation.internal.Directory;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;

/**
 * The rules a department must follow that need the territory and the other units: it belongs to the city or a
 * county; it covers only units of its own city or county (a district bureau does not act in the next district);
 * its supervisor exists, is in force, and is not below it in its own escalation chain.
 */
final class DepartmentRules {

    private DepartmentRules() {
    }

    static void check(HandlingUnit unit, DivisionTree tree, Directory directory) {
        Division home = tree.find(unit.homeUnitId())
                .orElseThrow(() -> new OrganisationException("homeUnitId", "organisation.error.home-unknown", unit.homeUnitId()));
        if (home.level() != DivisionLevel.CITY && home.level() != DivisionLevel.COUNTY) {
            throw new OrganisationException("homeUnitId", "organisation.error.home-level", home.name());
        }
        for (long covered : unit.coverage()) {
            Division place = tree.find(covered)
                    .orElseThrow(() -> new OrganisationException("coverage", "organisation.error.coverage-unknown", covered));
            boolean inside = place.id() == home.id() || tree.ancestors(covered).stream().anyMatch(a -> a.id() == home.id());
            if (!inside) throw new OrganisationException("coverage", "organisation.error.coverage-outside", place.name(), home.name());
        }
        checkSupervisor(unit, directory);
    }

    static void checkSupervisor(HandlingUnit unit, Directory directory) {
        if (unit.supervisorId() == null) return;
        HandlingUnit supervisor = directory.find(unit.supervisorId()).filter(HandlingUnit::active)
                .orElseThrow(() -> new OrganisationException("supervisorId", "organisation.error.supervisor-unknown", unit.supervisorId()));
        Set<Long> seen = new HashSet<>();
        for (HandlingUnit next = supervisor; next != null; ) {
            if (next.id() == unit.id() || !seen.add(next.id())) {
                throw new OrganisationException("supervisorId", "organisation.error.supervisor-cycle");
            }
            next = next.supervisorId() == null ? null : directory.find(next.supervisorId()).orElse(null);
        }
    }
}
