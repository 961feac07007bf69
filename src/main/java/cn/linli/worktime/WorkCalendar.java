package cn.linli.worktime;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The official calendar as an immutable value: which days are working days. The State Council publishes each year's
 * holidays and make-up working days (调休) in the autumn before; a year with at least one published day is
 * <em>covered</em>. In a year that is not covered only the weekly rule applies (Monday to Friday are working days),
 * which is usually right but misses that year's holidays, so callers should say so ({@link #covers(int)}).
 * <p>
 * Each covered year is precomputed into a table of its days, so {@link #isWorkingDay(LocalDate)} is two array
 * lookups: deadlines for millions of cases cost no database call and no map lookup per day.
 */
public final class WorkCalendar {

    private static final WorkCalendar EMPTY = new WorkCalendar(List.of());

    private final NavigableMap<LocalDate, CalendarDay> days = new TreeMap<>();
    private final SortedSet<Integer> years = new TreeSet<>();
    private final int firstYear;
    /** Per covered year, indexed by year - firstYear, then by day of year - 1; null for a year not covered. */
    private final boolean[][] working;

    private WorkCalendar(Collection<CalendarDay> entries) {
        for (CalendarDay day : entries) {
            if (days.put(day.date(), day) != null) {
                throw new IllegalArgumentException("the calendar names " + day.date() + " twice");
            }
            years.add(day.date().getYear());
        }
        firstYear = years.isEmpty() ? 0 : years.first();
        working = new boolean[years.isEmpty() ? 0 : years.last() - firstYear + 1][];
        years.forEach(year -> working[year - firstYear] = table(year));
    }

    /** A calendar of these days; two entries for one date are a programming error. */
    public static WorkCalendar of(Collection<CalendarDay> entries) {
        return entries.isEmpty() ? EMPTY : new WorkCalendar(entries);
    }

    /** No published days: Monday to Friday are working days in every year. */
    public static WorkCalendar weekdaysOnly() {
        return EMPTY;
    }

    private boolean[] table(int year) {
        boolean[] table = new boolean[Year.of(year).length()];
        LocalDate date = LocalDate.of(year, 1, 1);
        for (int i = 0; i < table.length; i++, date = date.plusDays(1)) {
            CalendarDay listed = days.get(date);
            table[i] = listed != null ? listed.isWorkingDay() : isWeekday(date);
        }
        return table;
    }

    public boolean isWorkingDay(LocalDate date) {
        int index = date.getYear() - firstYear;
        if (index >= 0 && index < working.length && working[index] != null) {
            return working[index][date.getDayOfYear() - 1];
        }
        return isWeekday(date);
    }

    private static boolean isWeekday(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** The first working day after the date (the date itself never counts). */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** Whether the official days of this year are loaded; if not, only Monday–Friday counts for it. */
    public boolean covers(int year) {
        return years.contains(year);
    }

    /** Whether every year from the first date to the second is covered. */
    public boolean coversAll(LocalDate from, LocalDate to) {
        for (int year = Math.min(from.getYear(), to.getYear()); year <= Math.max(from.getYear(), to.getYear()); year++) {
            if (!covers(year)) return false;
        }
        return true;
    }

    /** The covered years, in order. */
    public List<Integer> coveredYears() {
        return List.copyOf(years);
    }

    /** What the calendar says about a date, if it is a holiday or a make-up working day. */
    public Optional<CalendarDay> day(LocalDate date) {
        return Optional.ofNullable(days.get(date));
    }

    /** The holidays and make-up working days of a year, by date. */
    public List<CalendarDay> daysIn(int year) {
        return List.copyOf(days.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true).values());
    }

    /** Every listed day, by date. */
    public List<CalendarDay> days() {
        return List.copyOf(days.values());
    }
}
