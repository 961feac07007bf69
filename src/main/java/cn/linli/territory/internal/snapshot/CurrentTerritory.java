package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionLevel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The current units indexed for matching: by id, by level in a stable order, and by county. */
final class CurrentTerritory {

    /** Code order first so that proposals come out in the order of the official list; units without a code last. */
    private static final Comparator<CurrentUnit> LIST_ORDER = Comparator
            .comparing((CurrentUnit unit) -> unit.code() == null ? "~" : unit.code().value())
            .thenComparingLong(CurrentUnit::unitId);

    private final Map<Long, CurrentUnit> byId = new HashMap<>();
    private final Map<DivisionLevel, List<CurrentUnit>> byLevel = new EnumMap<>(DivisionLevel.class);

    CurrentTerritory(List<CurrentUnit> units) {
        for (CurrentUnit unit : units) {
            if (unit.level() == DivisionLevel.GRID) {
                continue; // grids are the platform's own subdivision; no official list mentions them
            }
            if (byId.putIfAbsent(unit.unitId(), unit) != null) {
                throw new IllegalArgumentException("unit id " + unit.unitId() + " occurs twice");
            }
            byLevel.computeIfAbsent(unit.level(), level -> new ArrayList<>()).add(unit);
        }
        for (CurrentUnit unit : byId.values()) {
            checkParent(unit);
        }
        byLevel.values().forEach(list -> list.sort(LIST_ORDER));
    }

    private void checkParent(CurrentUnit unit) {
        if (unit.level() == DivisionLevel.CITY) {
            return;
        }
        CurrentUnit parent = unit.parentUnitId() == null ? null : byId.get(unit.parentUnitId());
        if (parent == null || parent.level() != unit.level().parent()) {
            throw new IllegalArgumentException("unit " + unit.unitId() + " (" + unit.level()
                    + ") has no parent one level up: " + unit.parentUnitId());
        }
    }

    CurrentUnit unit(long unitId) {
        return byId.get(unitId);
    }

    List<CurrentUnit> atLevel(DivisionLevel level) {
        return byLevel.getOrDefault(level, List.of());
    }

    /** The county the unit lies in, the unit itself for a county, {@code null} for the city. */
    CurrentUnit countyOf(CurrentUnit unit) {
        CurrentUnit ancestor = unit;
        while (ancestor != null && ancestor.level().ordinal() > DivisionLevel.COUNTY.ordinal()) {
            ancestor = byId.get(ancestor.parentUnitId());
        }
        return ancestor != null && ancestor.level() == DivisionLevel.COUNTY ? ancestor : null;
    }
}
