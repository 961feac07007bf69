package cn.linli.territory;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;

/**
 * The kind of a unit within its level. For counties the GB/T 2260 convention gives the kind by the county
 * digits (01–20 district, 21–80 county, 81–99 county-level city); for townships and communities the statistical
 * code's digit ranges (国统字〔2009〕91号) do. A type must fit its code: a street carries 001–099, never 100–199.
 */
public enum UnitType {
    CITY(DivisionLevel.CITY, 0, 0),
    DISTRICT(DivisionLevel.COUNTY, 1, 20),
    COUNTY(DivisionLevel.COUNTY, 21, 80),
    COUNTY_CITY(DivisionLevel.COUNTY, 81, 99),
    STREET(DivisionLevel.TOWNSHIP, 1, 99),
    TOWN(DivisionLevel.TOWNSHIP, 100, 199),
    /** The "directly administered" pseudo-township (digits 198) through which a district manages communities itself. */
    DIRECT_ADMINISTRATION(DivisionLevel.TOWNSHIP, 198, 198),
    TOWNSHIP(DivisionLevel.TOWNSHIP, 200, 399),
    TOWNSHIP_LIKE(DivisionLevel.TOWNSHIP, 400, 599),
    RESIDENTS_COMMITTEE(DivisionLevel.COMMUNITY, 1, 199),
    VILLAGE_COMMITTEE(DivisionLevel.COMMUNITY, 200, 399),
    VILLAGE_LIKE(DivisionLevel.COMMUNITY, 400, 599),
    GENERAL_GRID(DivisionLevel.GRID, 1, 999),
    DEDICATED_GRID(DivisionLevel.GRID, 1, 999);

    private final DivisionLevel level;
    private final int firstDigits;
    private final int lastDigits;

    UnitType(DivisionLevel level, int firstDigits, int lastDigits) {
        this.level = level;
        this.firstDigits = firstDigits;
        this.lastDigits = lastDigits;
    }

    public DivisionLevel level() {
        return level;
    }

    /** Whether a code of this type may carry these digits of its level. */
    public boolean fits(DivisionCode code) {
        if (code.level() != level) return false;
        int digits = levelDigits(code);
        if (this == TOWN && digits == 198) return false;
        return digits >= firstDigits && digits <= lastDigits;
    }

    /** The type a code implies at its level (a grid is a general grid unless said otherwise). */
    public static UnitType implied(DivisionCode code) {
        for (UnitType type : values()) {
            if (type.fits(code)) return type;
        }
        throw new TerritoryException("code", "territory.error.code-class", code.value());
    }

    private static int levelDigits(DivisionCode code) {
        return switch (code.level()) {
            case CITY -> 0;
            case COUNTY -> Integer.parseInt(code.value().substring(4, 6));
            case TOWNSHIP -> code.townshipDigits();
            case COMMUNITY -> code.villageDigits();
            case GRID -> code.gridSequence();
        };
    }
}
