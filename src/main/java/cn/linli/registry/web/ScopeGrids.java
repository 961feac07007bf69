package cn.linli.registry.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.linli.access.CurrentActor;
import cn.linli.registry.PatrolCoverage;
import cn.linli.registry.RegistryQueries;
import cn.linli.registry.internal.HouseholdStore;
import cn.linli.registry.internal.RegistryScopes;
import cn.linli.registry.internal.Scope;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.GridStandard;
import cn.linli.territory.TerritoryQueries;

/**
 * The grids of the acting user's jurisdiction with the registry's household count judged against the band that
 * territory configures (the grid standard, checked here because only the registry counts real households).
 */
@Component
class ScopeGrids {

    static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    private final TerritoryQueries territory;
    private final GridStandard standard;
    private final RegistryQueries queries;
    private final HouseholdStore households;
    private final CurrentActor actors;
    private final RegistryScopes scopes;

    ScopeGrids(TerritoryQueries territory, GridStandard standard, RegistryQueries queries, HouseholdStore households,
            CurrentActor actors, RegistryScopes scopes) {
        this.scopes = scopes;
        this.territory = territory;
        this.standard = standard;
        this.queries = queries;
        this.households = households;
        this.actors = actors;
    }

    /**
     * A grid against the standard. {@code households} is the registry's count (0 when it has none there yet, then
     * {@code band} is null and {@code surveyed} is the figure territory holds from a survey).
     */
    record GridRow(long id, String code, String name, String community, int households, Integer surveyed, int min,
            int max, GridStandard.Band band) {

        public boolean flagged() {
            return band != GridStandard.Band.WITHIN;
        }
    }

    /** Every grid the user's jurisdiction covers that the registry lets them see, flagged ones first. */
    List<GridRow> rows() {
        return rows(null);
    }

    /** As {@link #rows()}, only the grids within the unit (e.g. a community) when one is given. */
    List<GridRow> rows(Long unitId) {
        var jurisdiction = actors.current().jurisdiction();
        DivisionTree tree = territory.tree(null);
        Scope scope = scopes.current();
        Map<Long, Integer> counted = households.countsByGrid();
        Map<Long, Integer> all = standard.allHouseholds();
        java.util.Set<Long> within = unitId == null ? null
                : tree.descendants(unitId).stream().map(Division::id).collect(java.util.stream.Collectors.toSet());
        return tree.atLevel(DivisionLevel.GRID).stream()
                .filter(g -> within == null || within.contains(g.id()))
                .filter(g -> scope.covers(g.id()) && tree.covers(jurisdiction, g.id()))
                .map(g -> row(tree, g, counted.getOrDefault(g.id(), 0), all.get(g.id())))
                .sorted(Comparator.comparing(GridRow::flagged).reversed().thenComparing(GridRow::code)).toList();
    }

    private GridRow row(DivisionTree tree, Division grid, int counted, Integer surveyed) {
        String community = grid.parentId() == null ? "" : tree.find(grid.parentId()).map(Division::name).orElse("");
        String urbanRural = grid.urbanRural() != null ? grid.urbanRural()
                : grid.parentId() == null ? null : tree.find(grid.parentId()).map(Division::urbanRural).orElse(null);
        GridStandard.Range range = standard.rangeFor(urbanRural);
        return new GridRow(grid.id(), grid.code().value(), grid.name(), community, counted,
                counted == 0 ? surveyed : null, range.min(), range.max(), counted == 0 ? null : standard.band(grid, counted));
    }

    /** This month so far: the period a grid worker's patrol coverage is judged by. */
    static LocalDate monthStart() {
        return LocalDate.now(CITY_ZONE).withDayOfMonth(1);
    }

    static LocalDate today() {
        return LocalDate.now(CITY_ZONE);
    }

    PatrolCoverage coverageThisMonth(long gridId) {
        return queries.patrolCoverage(gridId, monthStart(), today()).orElseThrow(NotInScope::new);
    }
}
