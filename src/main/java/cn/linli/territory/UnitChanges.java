package cn.linli.territory;

import cn.linli.shared.DivisionCode;

/** Attribute changes to a unit; a null field stays as it was. */
public record UnitChanges(DivisionCode code, String name, UnitType type, String urbanRural, Long parentId) {

    public static UnitChanges rename(String name) {
        return new UnitChanges(null, name, null, null, null);
    }

    public static UnitChanges recode(DivisionCode code) {
        return new UnitChanges(code, null, null, null, null);
    }

    public static UnitChanges moveTo(long parentId) {
        return new UnitChanges(null, null, null, null, parentId);
    }

    public UnitChanges and(UnitChanges other) {
        return new UnitChanges(other.code != null ? other.code : code, other.name != null ? other.name : name,
                other.type != null ? other.type : type, other.urbanRural != null ? other.urbanRural : urbanRural,
                other.parentId != null ? other.parentId : parentId);
    }
}
