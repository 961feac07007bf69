package cn.linli.access;

import java.util.Set;

/** The units a user serves, by id; unrestricted for the city administrator. */
public record Jurisdiction(Set<Long> unitIds, boolean unrestricted) {

    public Jurisdiction {
        unitIds = Set.copyOf(unitIds);
    }

    public static Jurisdiction wholeCity() {
        return new Jurisdiction(Set.of(), true);
    }

    public static Jurisdiction units(Set<Long> unitIds) {
        return new Jurisdiction(unitIds, false);
    }
}
