package cn.linli.worktime;

/**
 * A time limit: a whole number of hours or days in one of the three units. Regulations state limits in whole units
 * ("5 working hours", "15 working days"), so no fractions.
 */
public record TimeLimit(long amount, TimeLimitUnit unit) {

    public TimeLimit {
        if (unit == null) throw new RejectedTimeInput("unit", "worktime.error.unit", "");
        if (amount < 0) throw new RejectedTimeInput("limit", "worktime.error.limit-negative", amount);
        if (amount > unit.maximum()) throw new RejectedTimeInput("limit", "worktime.error.limit-too-large", amount, unit.maximum());
    }

    public static TimeLimit workingHours(long hours) {
        return new TimeLimit(hours, TimeLimitUnit.WORKING_HOURS);
    }

    public static TimeLimit workingDays(long days) {
        return new TimeLimit(days, TimeLimitUnit.WORKING_DAYS);
    }

    public static TimeLimit naturalHours(long hours) {
        return new TimeLimit(hours, TimeLimitUnit.NATURAL_HOURS);
    }

    /** The short form, e.g. {@code 5WH}, {@code 15WD}, {@code 6NH}. */
    public String shortForm() {
        return amount + unit.symbol();
    }
}
