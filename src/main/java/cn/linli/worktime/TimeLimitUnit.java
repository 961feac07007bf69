package cn.linli.worktime;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The three ways Chinese regulations count a time limit (standards.md, "Time limits"): working hours (工作时),
 * working days (工作日) and natural hours (自然时).
 */
public enum TimeLimitUnit {

    /** Only the configured office hours of working days count, e.g. "road not clean: 5 working hours". */
    WORKING_HOURS("working-hours", "WH", 5_000),
    /** Whole working days of the official calendar, e.g. "illegal building: 15 working days". */
    WORKING_DAYS("working-days", "WD", 750),
    /** Clock time, nights and holidays included, e.g. "missing manhole cover: 6 hours". */
    NATURAL_HOURS("natural-hours", "NH", 26_304);

    private final String code;
    private final String symbol;
    private final long maximum;

    /**
     * @param maximum about three years in this unit: no limit in casework or admission comes near it, so a larger
     *                number is a typing error (minutes entered as hours) or an attempt to make the arithmetic run
     *                for long, and is refused
     */
    TimeLimitUnit(String code, String symbol, long maximum) {
        this.code = code;
        this.symbol = symbol;
        this.maximum = maximum;
    }

    /** The word in the API: {@code working-hours}, {@code working-days} or {@code natural-hours}. */
    public String code() {
        return code;
    }

    /** The short form in catalogue files and forms: {@code 5WH}, {@code 1WD}, {@code 6NH}. */
    public String symbol() {
        return symbol;
    }

    /** The unit for a short symbol ({@code WD}) or an enum name ({@code WORKING_DAYS}); empty when unknown. */
    public static Optional<TimeLimitUnit> fromSymbol(String text) {
        String word = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(unit -> unit.symbol.equals(word) || unit.name().equals(word)).findFirst();
    }

    /** The largest limit accepted in this unit. */
    public long maximum() {
        return maximum;
    }

    /** The unit named by an API word ({@code working-days}, also {@code WORKING_DAYS}); empty when unknown. */
    public static Optional<TimeLimitUnit> fromCode(String text) {
        String word = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(unit -> unit.code.equals(word)).findFirst();
    }

    /** The message-bundle key of the unit's name. */
    public String labelKey() {
        return "worktime.unit." + code;
    }
}
