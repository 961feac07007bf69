package cn.linli.casework;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;

/**
 * The days an indicator covers, both included, in the city's calendar. By default the current month; at most three
 * years, since evaluation periods are months, quarters and years and a longer range is a typing error.
 */
public record IndicatorPeriod(LocalDate from, LocalDate to) {

    public static final int MAX_YEARS = 3;

    public IndicatorPeriod {
        if (from == null) throw new IndicatorException("from", "indicators.error.date-missing");
        if (to == null) throw new IndicatorException("to", "indicators.error.date-missing");
        if (to.isBefore(from)) throw new IndicatorException("to", "indicators.error.to-before-from", from, to);
        if (to.isAfter(from.plusYears(MAX_YEARS))) throw new IndicatorException("to", "indicators.error.too-long", MAX_YEARS);
    }

    /** The month of the day. */
    public static IndicatorPeriod monthOf(LocalDate day) {
        return new IndicatorPeriod(day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
    }

    /** From request text (ISO dates, either may be blank): no from means the month of {@code today}, no to the end of from's month. */
    public static IndicatorPeriod parse(String from, String to, LocalDate today) {
        LocalDate start = blank(from) ? today.withDayOfMonth(1) : date("from", from);
        LocalDate end = blank(to) ? start.with(TemporalAdjusters.lastDayOfMonth()) : date("to", to);
        return new IndicatorPeriod(start, end);
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IndicatorException(field, "indicators.error.date", text.strip());
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
