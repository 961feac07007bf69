package cn.linli.casework.internal;

import java.util.Set;

/**
 * The territory units whose cases a user's lists show: everything for the city, else the units of their jurisdiction
 * at county level or below. A case's row carries its whole lineage (grid, community, township, county), so a case is
 * in scope when any of the four is one of these units.
 */
public record CaseScope(boolean all, Set<Long> unitIds) {

    public static final CaseScope CITY = new CaseScope(true, Set.of());

    public CaseScope {
        unitIds = Set.copyOf(unitIds);
    }

    /** The SQL condition for a case table aliased {@code c}, with the parameter {@code :scope}. */
    String condition() {
        if (all) return "1 = 1";
        if (unitIds.isEmpty()) return "1 = 0";
        return "(c.county_id in (:scope) or c.township_id in (:scope) or c.community_id in (:scope) or c.grid_id in (:scope))";
    }

    /** The parameter for {@link #condition()}; a dummy when no list is needed, as an empty IN list is invalid SQL. */
    Set<Long> parameter() {
        return all || unitIds.isEmpty() ? Set.of(-1L) : unitIds;
    }

    public boolean covers(Long... lineage) {
        if (all) return true;
        for (Long id : lineage) if (id != null && unitIds.contains(id)) return true;
        return false;
    }
}
