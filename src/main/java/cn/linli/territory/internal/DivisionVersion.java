package cn.linli.territory.internal;

import java.time.LocalDate;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.Division;
import cn.linli.territory.UnitType;

/** One period of a unit's attributes: valid from (inclusive) to (exclusive, null while open). */
public record DivisionVersion(long unitId, DivisionLevel level, LocalDate validFrom, LocalDate validTo,
        DivisionCode code, String name, UnitType type, String urbanRural, Long parentId, long operationId) {

    boolean validOn(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || validTo.isAfter(date));
    }

    DivisionVersion closedOn(LocalDate date) {
        return new DivisionVersion(unitId, level, validFrom, date, code, name, type, urbanRural, parentId, operationId);
    }

    Division view() {
        return new Division(unitId, level, type, code, name, urbanRural, parentId, validFrom);
    }
}
