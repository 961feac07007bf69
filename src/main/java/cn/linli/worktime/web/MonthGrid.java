package cn.linli.worktime.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.linli.worktime.CalendarDay;
import cn.linli.worktime.WorkCalendar;

/** One month of the calendar page as weeks from Monday to Sunday, each day marked working or not. */
record MonthGrid(String title, List<List<Cell>> weeks) {

    /** A day of the grid; {@code date} is null for the padding before the first and after the last day. */
    record Cell(LocalDate date, boolean working, String kind, String name) {
    }

    static List<MonthGrid> year(WorkCalendar calendar, int year, Locale locale) {
        List<MonthGrid> months = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            months.add(month(calendar, LocalDate.of(year, month, 1), locale));
        }
        return months;
    }

    static List<String> weekdays(Locale locale) {
        List<String> names = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) names.add(day.getDisplayName(TextStyle.SHORT, locale));
        return names;
    }

    private static MonthGrid month(WorkCalendar calendar, LocalDate first, Locale locale) {
        List<List<Cell>> weeks = new ArrayList<>();
        List<Cell> week = new ArrayList<>();
        for (int pad = 1; pad < first.getDayOfWeek().getValue(); pad++) week.add(new Cell(null, false, null, null));
        for (LocalDate date = first; date.getMonth() == first.getMonth(); date = date.plusDays(1)) {
            CalendarDay listed = calendar.day(date).orElse(null);
            week.add(new Cell(date, calendar.isWorkingDay(date), listed == null ? null : listed.kind().code(),
                    listed == null ? null : name(listed, locale)));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) week.add(new Cell(null, false, null, null));
            weeks.add(week);
        }
        return new MonthGrid(first.getMonth().getDisplayName(TextStyle.FULL, locale), weeks);
    }

    static String name(CalendarDay day, Locale locale) {
        return "zh".equals(locale.getLanguage()) ? day.nameZh() : day.nameEn();
    }
}
