package cn.linli.access;

import java.io.Serializable;
import java.util.Collection;
import java.util.Set;

/**
 * The units (divisions, grids, departments, known here only by id) a user acts for. A city administrator's
 * jurisdiction is unrestricted: the whole city, whatever units exist now or later. Whether a jurisdiction covers a
 * given unit, e.g. a grid inside a listed street, is answered by territory, which knows the hierarchy.
 */
public record Jurisdiction(Set<Long> unitIds, boolean unrestricted) implements Serializable {

    public Jurisdiction {
        unitIds = Set.copyOf(unitIds == null ? Set.of() : unitIds);
    }

    /** The whole city. */
    public static Jurisdiction wholeCity() {
        return new Jurisdiction(Set.of(), true);
    }

    /** Exactly these units (and, as territory decides, what lies within them). */
    public static Jurisdiction units(Collection<Long> unitIds) {
        return new Jurisdiction(Set.copyOf(unitIds), false);
    }

    /** True when the user may act for no unit at all. */
    public boolean isEmpty() {
        return !unrestricted && unitIds.isEmpty();
    }
}
