package cn.linli.registry.internal;

import java.util.Set;

/**
 * The grids whose registry data a user may see: every grid (the whole city), none (no territorial role, such as
 * department staff, who are granted registry data only explicitly), or the grids their jurisdiction covers.
 */
public record Scope(boolean everything, Set<Long> gridIds) {

    public Scope {
        gridIds = Set.copyOf(gridIds);
    }

    public static Scope all() {
        return new Scope(true, Set.of());
    }

    public static Scope none() {
        return new Scope(false, Set.of());
    }

    public boolean isEmpty() {
        return !everything && gridIds.isEmpty();
    }

    public boolean covers(long gridId) {
        return everything || gridIds.contains(gridId);
    }

    /** A SQL condition on a grid column; use with {@link #gridIds()} bound as {@code :grids}. */
    public String condition(String gridColumn) {
        if (everything) return "1 = 1";
        return gridIds.isEmpty() ? "1 = 0" : gridColumn + " in (:grids)";
    }

    /** The value to bind as {@code :grids} (never empty, so the SQL stays valid when the condition is constant). */
    public Set<Long> bindable() {
        return gridIds.isEmpty() ? Set.of(-1L) : gridIds;
    }
}
