package cn.linli.worktime;

import java.time.LocalDate;

/**
 * One day of the official calendar that differs from the Monday–Friday week: a holiday or a make-up working day,
 * with the name of the festival it belongs to in both languages (a make-up day carries the name of the holiday it
 * pays for, as in the State Council's notice).
 */
public record CalendarDay(LocalDate date, DayKind kind, String nameEn, String nameZh) {

    /** Longer names are a mistake in the input; the State Council's names are a few characters long. */
    public static final int NAME_MAX = 100;
    /** Dates outside these years are typing errors (20226 for 2026), not calendar entries. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    public CalendarDay {
        if (date == null) throw new RejectedTimeInput("date", "worktime.error.date", "");
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw new RejectedTimeInput("date", "worktime.error.year-range", date.toString(), FIRST_YEAR, LAST_YEAR);
        }
        if (kind == null) throw new RejectedTimeInput("kind", "worktime.error.kind", "");
        // 调休 moves work onto a weekend day; a make-up working day on a weekday would change nothing and is a typo.
        if (kind == DayKind.MAKEUP_WORKDAY && date.getDayOfWeek().getValue() < 6) {
            throw new RejectedTimeInput("kind", "worktime.error.makeup-weekday", date.toString());
        }
        nameEn = name("nameEn", nameEn);
        nameZh = name("nameZh", nameZh);
    }

    private static String name(String field, String value) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty()) throw new RejectedTimeInput(field, "worktime.error.name-missing");
        if (name.length() > NAME_MAX) throw new RejectedTimeInput(field, "worktime.error.name-long", NAME_MAX);
        return name;
    }

    public boolean isWorkingDay() {
        return kind.isWorkingDay();
    }
}
