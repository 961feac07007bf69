package cn.linli.territory;

import cn.linli.shared.DivisionCode;

/** What a new unit is made of; the type may be left null to take the one its code implies. */
public record NewUnit(DivisionCode code, String name, UnitType type, String urbanRural, Long parentId) {

    public UnitType typeOrImplied() {
        return type != null ? type : UnitType.implied(code);
    }
}
