package cn.linli.casework;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A time limit such as 5 working hours or 15 working days: a positive amount, at most about a year in its unit.
 * The deadline itself is computed by the worktime module from the official calendar.
 */
public record TimeLimit(int amount, LimitUnit unit) {

    private static final Pattern SHORT_FORM = Pattern.compile("\\s*(\\d{1,6})\\s*([A-Za-z]{2})\\s*");

    public TimeLimit {
        if (unit == null) {
            throw new CategoryException("unit", "casework.error.limit-unit", "");
        }
        if (amount <= 0) {
            throw new CategoryException("amount", "casework.error.limit-amount", amount);
        }
        if (amount > unit.maximum()) {
            throw new CategoryException("amount", "casework.error.limit-too-long", amount, unit.maximum(), unit.symbol());
        }
    }

    /** Reads the short form {@code 5WH}, {@code 1WD} or {@code 6NH}. */
    public static TimeLimit parse(String text) {
        Matcher m = SHORT_FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new CategoryException("limit", "casework.error.limit-format", text);
        }
        LimitUnit unit = LimitUnit.parse(m.group(2));
        if (unit == null) {
            throw new CategoryException("unit", "casework.error.limit-unit", m.group(2));
        }
        return new TimeLimit(Integer.parseInt(m.group(1)), unit);
    }

    /**
     * The limit's nominal length in working hours, to compare limits in different units without the calendar: a
     * working day is 8 working hours, and a natural day is taken as one working day, so 24 natural hours count as 8.
     */
    @JsonIgnore
    public double nominalWorkingHours() {
        return switch (unit) {
            case WORKING_HOURS -> amount;
            case WORKING_DAYS -> amount * 8.0;
            case NATURAL_HOURS -> amount / 3.0;
        };
    }

    @Override
    public String toString() {
        return amount + unit.symbol();
    }
}
