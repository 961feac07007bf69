package cn.linli.casework.catalogue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.linli.casework.CategoryException;
import cn.linli.worktime.TimeLimit;
import cn.linli.worktime.TimeLimitUnit;

/**
 * What the catalogue asks of a stage's time limit beyond what working time accepts: a positive amount of at most
 * about a year (no category's handling takes longer, so more is a typing error: hours entered as days), and the
 * short form {@code 5WH}, {@code 1WD}, {@code 6NH} of the catalogue file.
 */
final class CategoryLimit {

    private static final Pattern SHORT_FORM = Pattern.compile("\\s*(\\d{1,6})\\s*([A-Za-z]{2})\\s*");

    private CategoryLimit() {
    }

    static TimeLimit of(int amount, TimeLimitUnit unit) {
        if (unit == null) throw new CategoryException("unit", "casework.error.limit-unit", "");
        if (amount <= 0) throw new CategoryException("amount", "casework.error.limit-amount", amount);
        if (amount > maximum(unit)) {
            throw new CategoryException("amount", "casework.error.limit-too-long", amount, maximum(unit), unit.symbol());
        }
        return new TimeLimit(amount, unit);
    }

    static TimeLimit parse(String text) {
        Matcher m = SHORT_FORM.matcher(text == null ? "" : text);
        if (!m.matches()) throw new CategoryException("limit", "casework.error.limit-format", text);
        TimeLimitUnit unit = TimeLimitUnit.fromSymbol(m.group(2))
                .orElseThrow(() -> new CategoryException("unit", "casework.error.limit-unit", m.group(2)));
        return of(Integer.parseInt(m.group(1)), unit);
    }

    /** About a year in the unit. */
    static int maximum(TimeLimitUnit unit) {
        return switch (unit) {
            case WORKING_HOURS -> 365 * 8;
            case WORKING_DAYS -> 365;
            case NATURAL_HOURS -> 365 * 24;
        };
    }

    /**
     * The limit's nominal length in working hours, to compare limits in different units without the calendar: a
     * working day is 8 working hours, and a natural day is taken as one working day, so 24 natural hours count as 8.
     */
    static double nominalWorkingHours(TimeLimit limit) {
        return switch (limit.unit()) {
            case WORKING_HOURS -> limit.amount();
            case WORKING_DAYS -> limit.amount() * 8.0;
            case NATURAL_HOURS -> limit.amount() / 3.0;
        };
    }
}
