package cn.linli.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.linli.registry.internal.HouseholdStore;
import cn.linli.registry.internal.RegistryScopes;
import cn.linli.registry.internal.VisitStore;

/**
 * The grid worker's reads: the households of a grid, which of them were visited in a period, and a household's
 * visits. Scoped like {@link RegistryQueries}: a grid or household outside the acting user's scope is not found.
 */
@Service
public class PatrolQueries {

    private final RegistryScopes scopes;
    private final RegistryViews views;
    private final HouseholdStore households;
    private final VisitStore visits;

    PatrolQueries(RegistryScopes scopes, RegistryViews views, HouseholdStore households, VisitStore visits) {
        this.scopes = scopes;
        this.views = views;
        this.households = households;
        this.visits = visits;
    }

    /** Every household of the grid, by address; empty outside the scope. */
    public List<HouseholdSummary> householdsInGrid(long gridId) {
        if (!scopes.current().covers(gridId)) return List.of();
        return households.inGrid(gridId).stream().map(views::summary).toList();
    }

    /** The households of the grid visited between the dates (both inclusive); empty outside the scope. */
    public Set<Long> visitedHouseholds(long gridId, LocalDate from, LocalDate to) {
        Check.required(from, "from");
        Check.required(to, "to");
        if (to.isBefore(from)) throw new RejectedRegistryInput("to", "registry.error.period-reversed");
        if (!scopes.current().covers(gridId)) return Set.of();
        return visits.visitedHouseholds(gridId, from, to);
    }

    /** The visits to a household of the scope, latest first; empty when the household is outside it. */
    public Optional<List<VisitView>> visits(long householdId) {
        return households.find(householdId).filter(h -> scopes.current().covers(h.gridId()))
                .map(h -> visits.ofHousehold(householdId).stream().map(v -> new VisitView(v.id(), v.householdId(),
                        v.visitedOn(), v.visitor(), v.findings(), v.followUp())).toList());
    }
}
