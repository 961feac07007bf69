package cn.linli.casework;

/**
 * How a time limit is counted. Working hours and working days follow the official calendar (the worktime module);
 * natural hours run round the clock, for matters where waiting over a weekend is dangerous (a missing manhole cover).
 */
public enum LimitUnit {

    /** 工作时: eight per working day. */
    WORKING_HOURS("WH", 365 * 8),
    /** 工作日. */
    WORKING_DAYS("WD", 365),
    /** 自然时. */
    NATURAL_HOURS("NH", 365 * 24);

    private final String symbol;
    private final int maximum;

    LimitUnit(String symbol, int maximum) {
        this.symbol = symbol;
        this.maximum = maximum;
    }

    /** The short form in the catalogue file and forms: {@code 5WH}, {@code 1WD}, {@code 6NH}. */
    public String symbol() {
        return symbol;
    }

    /**
     * The longest limit accepted in this unit, about a year: no category's handling takes longer, so anything more is
     * a typing error (an amount in hours entered as days).
     */
    public int maximum() {
        return maximum;
    }

    /** The unit for a name ({@code WORKING_DAYS}) or symbol ({@code WD}), or null. */
    public static LimitUnit parse(String text) {
        if (text == null) return null;
        String wanted = text.strip().toUpperCase(java.util.Locale.ROOT);
        for (LimitUnit unit : values()) {
            if (unit.name().equals(wanted) || unit.symbol.equals(wanted)) return unit;
        }
        return null;
    }
}
