package cn.linli.territory;

import java.time.LocalDate;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;

/** A unit of the territory as it stood on some date: its stable id and the attributes valid then. */
public record Division(long id, DivisionLevel level, UnitType type, DivisionCode code, String name, String urbanRural,
        Long parentId, LocalDate validFrom) {

    public boolean isGrid() {
        return level == DivisionLevel.GRID;
    }
}
