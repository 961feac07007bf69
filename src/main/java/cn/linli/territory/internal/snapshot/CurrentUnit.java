package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;

/**
 * A unit of the territory as it is today. {@code parentUnitId} is {@code null} only for the city; {@code code}
 * may be {@code null} for a unit that never had an official code (it can then only be matched by name);
 * {@code urbanRural} is {@code null} when unclassified. Grids are not in official lists and are ignored.
 */
public record CurrentUnit(long unitId, DivisionLevel level, DivisionCode code, String name, Long parentUnitId,
                          String urbanRural) {

    public CurrentUnit {
        if (level == null || name == null) {
            throw new IllegalArgumentException("unit " + unitId + " needs a level and a name");
        }
    }
}
