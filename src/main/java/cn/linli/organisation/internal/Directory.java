package cn.linli.organisation.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.linli.organisation.HandlingUnit;
import cn.linli.organisation.Membership;
import cn.linli.organisation.UnitKind;

/** Every handling unit and membership as committed, indexed for routing. Immutable; replaced as a whole. */
public final class Directory {

    private final Map<Long, HandlingUnit> byId;
    private final Map<String, HandlingUnit> derived;
    private final Map<Long, List<Membership>> byUser;
    private final Map<Long, List<Membership>> byUnit;
    /** Sorted by name once: routing asks for every department on each dispatch. */
    private final Map<UnitKind, List<HandlingUnit>> byKind;

    public Directory(Collection<HandlingUnit> units, Collection<Membership> memberships) {
        this.byId = new HashMap<>(units.size() * 2);
        this.derived = new HashMap<>(units.size() * 2);
        for (HandlingUnit unit : units) {
            byId.put(unit.id(), unit);
            if (unit.derivedFrom() != null) derived.put(key(unit.kind(), unit.derivedFrom()), unit);
        }
        this.byUser = memberships.stream().collect(Collectors.groupingBy(Membership::userId));
        this.byUnit = memberships.stream().collect(Collectors.groupingBy(Membership::unitId));
        this.byKind = new EnumMap<>(UnitKind.class);
        for (UnitKind kind : UnitKind.values()) {
            byKind.put(kind, byId.values().stream().filter(u -> u.kind() == kind).sorted(Comparator.comparing(HandlingUnit::name)).toList());
        }
    }

    public static Directory empty() {
        return new Directory(List.of(), List.of());
    }

    public Optional<HandlingUnit> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The office or government derived from a territory unit, in force or not. */
    public Optional<HandlingUnit> derived(UnitKind kind, long territoryUnitId) {
        return Optional.ofNullable(derived.get(key(kind, territoryUnitId)));
    }

    public Collection<HandlingUnit> all() {
        return byId.values();
    }

    public List<HandlingUnit> ofKind(UnitKind kind) {
        return byKind.get(kind);
    }

    public List<Membership> membershipsOf(long userId) {
        return byUser.getOrDefault(userId, List.of());
    }

    public List<Membership> membersOf(long unitId) {
        return byUnit.getOrDefault(unitId, List.of());
    }

    public int size() {
        return byId.size();
    }

    private static String key(UnitKind kind, long territoryUnitId) {
        return kind.name() + ":" + territoryUnitId;
    }
}
