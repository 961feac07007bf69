package cn.linli.shared;

/**
 * A statistical division code (统计用区划代码, 国统字〔2009〕91号): 12 digits, province (2), prefecture (2),
 * county (2), township (3), village (3); or a grid code: a community's 12 digits plus a 3-digit sequence.
 * The level is read from the trailing zero groups. A code is an attribute of a unit with a validity period,
 * never its identity: codes are renumbered and even reused between years.
 */
public record DivisionCode(String value) implements Comparable<DivisionCode> {

    public DivisionCode {
        if (value == null || !(value.length() == 12 || value.length() == 15) || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidDivisionCodeException(value, "length");
        }
        if (value.length() == 15 && (value.endsWith("000") || value.substring(9, 12).equals("000"))) {
            throw new InvalidDivisionCodeException(value, "grid");
        }
        if (value.length() == 12 && value.substring(9, 12).compareTo("000") != 0 && value.substring(6, 9).equals("000")) {
            throw new InvalidDivisionCodeException(value, "structure");
        }
        if (value.length() == 12 && value.substring(4, 6).equals("00") && !value.substring(6).equals("000000")) {
            throw new InvalidDivisionCodeException(value, "structure");
        }
    }

    public static DivisionCode of(String value) {
        return new DivisionCode(value == null ? null : value.strip());
    }

    public DivisionLevel level() {
        if (value.length() == 15) return DivisionLevel.GRID;
        if (!value.endsWith("000")) return DivisionLevel.COMMUNITY;
        if (!value.endsWith("000000")) return DivisionLevel.TOWNSHIP;
        if (!value.endsWith("00000000")) return DivisionLevel.COUNTY;
        return DivisionLevel.CITY;
    }

    /** The 6-digit county code (GB/T 2260). */
    public String countyDigits() {
        return value.substring(0, 6);
    }

    /** The township digits 7–9: 001–099 street, 100–199 town (198 directly administered), 200–399 township, 400–599 township-like. */
    public int townshipDigits() {
        return Integer.parseInt(value.substring(6, 9));
    }

    /** The village digits 10–12: 001–199 residents' committee, 200–399 village committee, 400–599 similar units. */
    public int villageDigits() {
        return Integer.parseInt(value.substring(9, 12));
    }

    /** The grid's sequence within its community (grid codes only). */
    public int gridSequence() {
        return value.length() == 15 ? Integer.parseInt(value.substring(12)) : 0;
    }

    /** The code of the community a grid belongs to (grid codes only). */
    public DivisionCode community() {
        return value.length() == 15 ? new DivisionCode(value.substring(0, 12)) : this;
    }

    /** The code prefix that all units under this one share by construction of the code. */
    public String prefix() {
        return switch (level()) {
            case CITY -> value.substring(0, 4);
            case COUNTY -> value.substring(0, 6);
            case TOWNSHIP -> value.substring(0, 9);
            case COMMUNITY -> value.substring(0, 12);
            case GRID -> value;
        };
    }

    @Override
    public int compareTo(DivisionCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
