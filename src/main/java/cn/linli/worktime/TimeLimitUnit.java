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
    WORKING_HOURS("working-hours", 5_000),
    /** Whole working days of the official calendar, e.g. "illegal building: 15 working days". */
    WORKING_DAYS("working-days", 750),
    /** Clock time, nights and holidays included, e.g. "missing manhole cover: 6 hours". */
    NATURAL_HOURS("natural-hours", 26_304);

    private final String code;
    private final long maximum;

    /**
     * @param maximum about three years in this unit: no limit in casework or admission comes near it, so a larger
     *                number is a typing error (minutes entered as hours) or an attempt to make the arithmetic run
     *                for long, and is refused
     */
    TimeLimitUnit(String code, long maximum) {
        this.code = code;
        this.maximum = maximum;
    }

    /** The word in the API: {@code working-hours}, {@code working-days} or {@code natural-hours}. */
    public String code() {
        return code;
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
