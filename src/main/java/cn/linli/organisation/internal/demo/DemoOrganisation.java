package cn.linli.organisation.internal.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.linli.access.Actor;
import cn.linli.access.Jurisdiction;
import cn.linli.access.Role;
import cn.linli.access.UserDirectory;
import cn.linli.organisation.DepartmentDraft;
import cn.linli.organisation.HandlingUnit;
import cn.linli.organisation.MemberRole;
import cn.linli.organisation.Organisation;
import cn.linli.organisation.OrganisationManagement;
import cn.linli.organisation.UnitKind;
import cn.linli.organisation.internal.OfficeSync;
import cn.linli.organisation.internal.OrganisationState;
import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.TerritoryQueries;

/**
 * The demo city's departments and utilities, and the memberships of the demo logins. Runs when the application is
 * ready: after the demo territory and logins (an application runner) and after the offices were derived from it
 * ({@link OfficeSync} at start-up). Only on a database without departments, so an administrator's edits stay.
 */
@Component
@ConditionalOnProperty(name = "linli.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoOrganisation {

    private static final Logger LOG = LoggerFactory.getLogger(DemoOrganisation.class);
    private static final Actor LOADER = new Actor(0, "system", "演示数据", Set.of(Role.CITY_ADMIN), Jurisdiction.wholeCity());

    private final OrganisationManagement management;
    private final Organisation organisation;
    private final OrganisationState state;
    private final TerritoryQueries territory;
    private final UserDirectory users;

    DemoOrganisation(OrganisationManagement management, Organisation organisation, OrganisationState state,
            TerritoryQueries territory, UserDirectory users) {
        this.management = management;
        this.organisation = organisation;
        this.state = state;
        this.territory = territory;
        this.users = users;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(OfficeSync.STARTUP_ORDER + 1)
    void load() {
        DivisionTree tree = territory.tree(null);
        if (tree.findByCode(DemoDepartments.CITY).isEmpty()) return;
        if (state.directory().ofKind(UnitKind.DEPARTMENT).isEmpty()) {
            int created = createDepartments(tree);
            LOG.info("Demo organisation: {} departments and utilities", created);
        }
        addMembers(tree);
    }

    private int createDepartments(DivisionTree tree) {
        Map<String, Long> byKeyAtCity = new HashMap<>();
        int created = 0;
        for (DemoDepartments.Department d : DemoDepartments.ALL) {
            Optional<Division> home = tree.findByCode(d.homeCode());
            List<Long> coverage = new ArrayList<>();
            d.coverageCodes().forEach(code -> tree.findByCode(code).ifPresent(unit -> coverage.add(unit.id())));
            if (home.isEmpty() || coverage.size() != d.coverageCodes().size()) continue;
            Long supervisor = supervisorOf(d, home.get(), byKeyAtCity);
            HandlingUnit unit = management.createDepartment(LOADER, new DepartmentDraft(d.name(), d.key(), home.get().id(),
                    new HashSet<>(coverage), Set.of(d.key()), supervisor, d.phone(), true, DemoDepartments.SINCE, null));
            if (d.homeCode().equals(DemoDepartments.CITY)) byKeyAtCity.put(d.key(), unit.id());
            created++;
        }
        return created;
    }

    private Long supervisorOf(DemoDepartments.Department d, Division home, Map<String, Long> byKeyAtCity) {
        if (DemoDepartments.DISTRICT_GOVERNMENT.equals(d.supervisor())) {
            return organisation.districtGovernmentFor(home.id()).map(HandlingUnit::id).orElse(null);
        }
        return d.supervisor() == null ? null : byKeyAtCity.get(d.supervisor());
    }

    private void addMembers(DivisionTree tree) {
        for (DemoDepartments.Member member : DemoDepartments.MEMBERS) {
            Optional<HandlingUnit> unit = member.departmentKey() != null
                    ? organisation.search(LOADER, UnitKind.DEPARTMENT, member.departmentName()).stream().findFirst()
                    : tree.findByCode(member.placeCode()).flatMap(place -> place.level() == cn.linli.shared.DivisionLevel.COUNTY
                            ? organisation.districtGovernmentFor(place.id()) : organisation.officeOf(place.id()));
            if (unit.isEmpty() || users.findByUsername(member.username()).isEmpty()) continue;
            boolean already = organisation.membersOf(unit.get().id()).stream()
                    .anyMatch(m -> users.find(m.userId()).map(u -> u.username().equals(member.username())).orElse(false));
            if (!already) management.addMember(LOADER, unit.get().id(), member.username(), member.role());
        }
    }

}
