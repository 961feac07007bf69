package cn.linli.worktime.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.linli.access.CurrentActor;
import cn.linli.worktime.CalendarDay;
import cn.linli.worktime.TimeLimit;
import cn.linli.worktime.TimeLimitUnit;
import cn.linli.worktime.WorkCalendar;
import cn.linli.worktime.WorkCalendarManagement;
import cn.linli.worktime.WorkClock;
import cn.linli.worktime.WorkingTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The official calendar and time-limit arithmetic for other systems and for testing: read a year, compute a
 * deadline or the working time between two instants; city administrators change days or upload a calendar file.
 */
@RestController
@RequestMapping(path = "/api/worktime", produces = "application/json")
@Tag(name = "worktime", description = "Official working-day calendar and deadline arithmetic (Asia/Shanghai)")
class WorktimeApi {

    private final WorkingTime workingTime;
    private final WorkCalendarManagement management;
    private final CurrentActor actors;

    WorktimeApi(WorkingTime workingTime, WorkCalendarManagement management, CurrentActor actors) {
        this.workingTime = workingTime;
        this.management = management;
        this.actors = actors;
    }

    record DayView(String date, String kind, String nameEn, String nameZh) {
        static DayView of(CalendarDay day) {
            return new DayView(day.date().toString(), day.kind().code(), day.nameEn(), day.nameZh());
        }
    }

    record YearView(int year, boolean covered, int workingDays, List<DayView> days) {
    }

    @GetMapping("/calendar")
    @Operation(summary = "The holidays and make-up working days of a year (default: this year); covered=false means "
            + "the year is not loaded and only Monday–Friday count")
    YearView calendar(@RequestParam(required = false) String year) {
        int chosen = RequestValues.year(year, LocalDate.now(workingTime.hours().zone()).getYear());
        WorkCalendar calendar = workingTime.calendar();
        int working = 0;
        for (LocalDate d = LocalDate.of(chosen, 1, 1); d.getYear() == chosen; d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) working++;
        }
        return new YearView(chosen, calendar.covers(chosen), working, calendar.daysIn(chosen).stream().map(DayView::of).toList());
    }

    record DayAnswer(String date, boolean workingDay, boolean covered, DayView listed, String nextWorkingDay) {
    }

    @GetMapping("/days/{date}")
    @Operation(summary = "Whether a date is a working day, what the calendar lists for it, and the next working day")
    DayAnswer day(@PathVariable String date) {
        LocalDate day = RequestValues.date("date", date);
        WorkCalendar calendar = workingTime.calendar();
        return new DayAnswer(day.toString(), calendar.isWorkingDay(day), calendar.covers(day.getYear()),
                calendar.day(day).map(DayView::of).orElse(null), calendar.nextWorkingDay(day).toString());
    }

    record DeadlineView(String start, long limit, String unit, String deadline, String deadlineLocal, boolean calendarCovers) {
    }

    @GetMapping("/deadline")
    @Operation(summary = "When a time limit starting at an instant runs out. Working days: close of office hours of "
            + "the Nth working day after the day of the start (the start day is not counted). calendarCovers=false: "
            + "a year in between is not loaded, so the deadline may move when it is")
    DeadlineView deadline(
            @Parameter(description = "ISO-8601 instant with offset, e.g. 2026-09-28T09:00:00+08:00, or local time in Asia/Shanghai")
            @RequestParam(required = false) String start,
            @Parameter(description = "whole hours or days, 0 or more") @RequestParam(required = false) String limit,
            @Parameter(description = "working-hours, working-days or natural-hours") @RequestParam(required = false) String unit) {
        ZoneId zone = workingTime.hours().zone();
        Instant from = RequestValues.instant("start", start, zone);
        TimeLimit timeLimit = RequestValues.limit(limit, unit);
        WorkClock clock = workingTime.clock();
        Instant due = clock.plus(from, timeLimit);
        boolean covers = clock.calendar().coversAll(LocalDate.ofInstant(from, zone), LocalDate.ofInstant(due, zone));
        return new DeadlineView(from.toString(), timeLimit.amount(), timeLimit.unit().code(), due.toString(),
                due.atZone(zone).toOffsetDateTime().toString(), covers);
    }

    record ElapsedView(String from, String to, String unit, long seconds, double hours, String duration) {
    }

    @GetMapping("/elapsed")
    @Operation(summary = "The time between two instants that counts against a limit of this unit (office time of "
            + "working days for working hours and working days; clock time for natural hours)")
    ElapsedView elapsed(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String unit) {
        ZoneId zone = workingTime.hours().zone();
        Instant start = RequestValues.instant("from", from, zone);
        Instant end = RequestValues.instant("to", to, zone);
        TimeLimitUnit timeUnit = RequestValues.unit(unit);
        Duration elapsed = workingTime.elapsed(start, end, timeUnit);
        return new ElapsedView(start.toString(), end.toString(), timeUnit.code(), elapsed.toSeconds(),
                elapsed.toSeconds() / 3600.0, elapsed.toString());
    }

    record DayChange(String kind, String nameEn, String nameZh) {
    }

    @PutMapping(path = "/calendar/days/{date}", consumes = "application/json")
    @Operation(summary = "List a date as holiday or makeup_workday, replacing what it was (city administrators)")
    DayView put(@PathVariable String date, @RequestBody(required = false) DayChange change) {
        CalendarEditors.require(actors);
        DayChange body = change == null ? new DayChange(null, null, null) : change;
        CalendarDay day = new CalendarDay(RequestValues.date("date", date), RequestValues.kind(body.kind()), body.nameEn(), body.nameZh());
        management.put(day);
        return DayView.of(day);
    }

    @DeleteMapping("/calendar/days/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Return a date to the weekly rule (city administrators); removing an unlisted date does nothing")
    void remove(@PathVariable String date) {
        CalendarEditors.require(actors);
        management.remove(RequestValues.date("date", date));
    }

    @PostMapping(path = "/calendar/import", consumes = "multipart/form-data")
    @Operation(summary = "Upload a calendar file (CSV date,kind,name_en,name_zh, UTF-8; city administrators). The file "
            + "is checked as a whole: any bad line rejects it with every problem and nothing changes")
    WorkCalendarManagement.Imported importFile(@RequestPart(name = "file", required = false) MultipartFile file) {
        CalendarEditors.require(actors);
        return management.importFile(RequestValues.file(file));
    }
}
