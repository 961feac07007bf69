package cn.linli.territory.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;

/**
 * Every version of every unit, grouped by unit in date order. The whole history of a city is a few thousand
 * rows, so it is held in memory and a tree for any date is derived from it in about a millisecond.
 */
public final class TerritoryHistory {

    private final Map<Long, List<DivisionVersion>> byUnit;
    /** Found once: every located point asks for it, and the search runs over all units. */
    private final Optional<LocalDate> firstDate;

    TerritoryHistory(Map<Long, List<DivisionVersion>> byUnit) {
        this.byUnit = byUnit;
        this.firstDate = byUnit.values().stream().map(v -> v.get(0).validFrom()).min(LocalDate::compareTo);
    }

    static TerritoryHistory of(Collection<DivisionVersion> versions) {
        Map<Long, List<DivisionVersion>> byUnit = new LinkedHashMap<>();
        versions.stream().sorted(java.util.Comparator.comparing(DivisionVersion::unitId).thenComparing(DivisionVersion::validFrom))
                .forEach(v -> byUnit.computeIfAbsent(v.unitId(), k -> new ArrayList<>()).add(v));
        return new TerritoryHistory(byUnit);
    }

    public DivisionTree asOf(LocalDate date) {
        List<Division> valid = new ArrayList<>(byUnit.size());
        for (List<DivisionVersion> versions : byUnit.values()) {
            for (int i = versions.size() - 1; i >= 0; i--) {
                DivisionVersion version = versions.get(i);
                if (version.validOn(date)) {
                    valid.add(version.view());
                    break;
                }
                if (!version.validFrom().isAfter(date)) break;
            }
        }
        return new DivisionTree(date, valid);
    }

    public List<DivisionVersion> versions(long unitId) {
        return byUnit.getOrDefault(unitId, List.of());
    }

    public Optional<DivisionVersion> latest(long unitId) {
        List<DivisionVersion> versions = versions(unitId);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** The earliest date the territory knows; nothing can be asked or changed before it. */
    public Optional<LocalDate> firstDate() {
        return firstDate;
    }

    public boolean isEmpty() {
        return byUnit.isEmpty();
    }

    Map<Long, List<DivisionVersion>> copyOfVersions() {
        Map<Long, List<DivisionVersion>> copy = new LinkedHashMap<>();
        byUnit.forEach((id, versions) -> copy.put(id, new ArrayList<>(versions)));
        return copy;
    }
}
