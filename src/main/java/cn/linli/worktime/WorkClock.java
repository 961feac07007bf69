package cn.linli.worktime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Time-limit arithmetic on one calendar and one set of office hours, in their time zone. Immutable and free of
 * Spring, so it is shared between threads and used directly in tests and batch jobs; {@link WorkingTime} hands out
 * the current one. Each computation walks the days between its instants (a few dozen for real limits) with two
 * array lookups per day.
 *
 * <h2>How limits are counted</h2>
 * <ul>
 * <li><b>Working hours</b>: only the office periods of working days count. A start outside them (evening, lunch
 * break, weekend, holiday) begins at the next period; a limit that ends exactly at the end of a period is due then
 * (12:00, not 13:30).</li>
 * <li><b>Working days</b>: the deadline is the <em>close of office hours of the Nth working day after the day of
 * the start</em> (17:00 by default). The day of the start is never counted, whatever the hour and whether or not it
 * is a working day, following the Civil Code's rule for periods counted in days (民法典第二百零一条: 开始的当日不计入，
 * 自下一日开始计算); the last day ends when business stops where there are business hours (第二百零三条: 有业务时间的，
 * 停止业务活动的时间为截止时间). So "15 working days after Monday 2026-09-28" skips the National Day holiday
 * (1–7 October), counts the make-up Saturday 10 October, and is due on Friday 2026-10-23 at 17:00.</li>
 * <li><b>Natural hours</b>: clock time, nights and holidays included.</li>
 * <li>A limit of zero is due at the start, in every unit.</li>
 * </ul>
 */
public final class WorkClock {

    private final WorkCalendar calendar;
    private final WorkingHours hours;
    private final ZoneId zone;
    private final Duration dayLength;

    public WorkClock(WorkCalendar calendar, WorkingHours hours) {
        this.calendar = calendar;
        this.hours = hours;
        this.zone = hours.zone();
        this.dayLength = hours.dayLength();
    }

    public WorkCalendar calendar() {
        return calendar;
    }

    public WorkingHours hours() {
        return hours;
    }

    /** When a limit that starts at {@code start} runs out; see the class comment for how each unit counts. */
    public Instant plus(Instant start, TimeLimit limit) {
        if (limit.amount() == 0) return start;
        return switch (limit.unit()) {
            case WORKING_HOURS -> plusWorkingTime(start, Duration.ofHours(limit.amount()));
            case WORKING_DAYS -> plusWorkingDays(start, limit.amount());
            case NATURAL_HOURS -> start.plus(Duration.ofHours(limit.amount()));
        };
    }

    private Instant plusWorkingTime(Instant start, Duration limit) {
        LocalDateTime at = LocalDateTime.ofInstant(start, zone);
        LocalDate date = at.toLocalDate();
        LocalTime from = at.toLocalTime();
        Duration remaining = limit;
        while (true) {
            if (calendar.isWorkingDay(date)) {
                for (WorkingHours.Period period : hours.periods()) {
                    if (!from.isBefore(period.end())) continue;
                    LocalTime begin = from.isAfter(period.start()) ? from : period.start();
                    Duration available = Duration.between(begin, period.end());
                    if (remaining.compareTo(available) <= 0) return instant(date, begin.plus(remaining));
                    remaining = remaining.minus(available);
                }
            }
            date = date.plusDays(1);
            from = LocalTime.MIN;
        }
    }

    private Instant plusWorkingDays(Instant start, long days) {
        LocalDate date = LocalDate.ofInstant(start, zone);
        for (long counted = 0; counted < days; counted++) {
            date = calendar.nextWorkingDay(date);
        }
        return instant(date, hours.closing());
    }

    /**
     * The time from {@code from} to {@code to} that counts against a limit in this unit: clock time for natural
     * hours; office time of working days for working hours <em>and</em> working days (a working-day limit is used
     * up as the office hours pass). Negative when {@code to} is before {@code from}.
     */
    public Duration elapsed(Instant from, Instant to, TimeLimitUnit unit) {
        if (unit == TimeLimitUnit.NATURAL_HOURS) return Duration.between(from, to);
        if (to.isBefore(from)) return workingTimeBetween(to, from).negated();
        return workingTimeBetween(from, to);
    }

    private Duration workingTimeBetween(Instant from, Instant to) {
        LocalDateTime start = LocalDateTime.ofInstant(from, zone);
        LocalDateTime end = LocalDateTime.ofInstant(to, zone);
        Duration total = Duration.ZERO;
        for (LocalDate date = start.toLocalDate(); !date.isAfter(end.toLocalDate()); date = date.plusDays(1)) {
            if (!calendar.isWorkingDay(date)) continue;
            boolean first = date.equals(start.toLocalDate());
            boolean last = date.equals(end.toLocalDate());
            if (!first && !last) {
                total = total.plus(dayLength);
                continue;
            }
            total = total.plus(officeTime(first ? start.toLocalTime() : LocalTime.MIN, last ? end.toLocalTime() : LocalTime.MAX));
        }
        return total;
    }

    /** The office time of one working day between two times of that day. */
    private Duration officeTime(LocalTime from, LocalTime to) {
        Duration total = Duration.ZERO;
        for (WorkingHours.Period period : hours.periods()) {
            LocalTime begin = from.isAfter(period.start()) ? from : period.start();
            LocalTime end = to.isBefore(period.end()) ? to : period.end();
            if (begin.isBefore(end)) total = total.plus(Duration.between(begin, end));
        }
        return total;
    }

    /**
     * The share of the allowed time that has passed at {@code now}: 0 at the start, 1 at the deadline, above 1 when
     * overdue; e.g. a yellow light at 0.8. A limit with no countable time in it (zero) is 0 before its deadline and
     * 1 from then on.
     */
    public double usedShare(Instant start, Instant deadline, Instant now, TimeLimitUnit unit) {
        Duration allowed = elapsed(start, deadline, unit);
        if (allowed.isZero() || allowed.isNegative()) return now.isBefore(deadline) ? 0 : 1;
        double used = elapsed(start, now, unit).toMillis() / (double) allowed.toMillis();
        return Math.max(0, used);
    }

    private Instant instant(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }
}
