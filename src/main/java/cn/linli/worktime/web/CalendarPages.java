package cn.linli.worktime.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.linli.access.CurrentActor;
import cn.linli.worktime.CalendarDay;
import cn.linli.worktime.CalendarFileRejected;
import cn.linli.worktime.DayKind;
import cn.linli.worktime.RejectedTimeInput;
import cn.linli.worktime.WorkCalendar;
import cn.linli.worktime.WorkCalendarManagement;
import cn.linli.worktime.WorkingTime;

/**
 * The calendar page: a year's months with holidays and make-up working days, for every staff member; city
 * administrators add, change or remove days and upload calendar files here. Bad input shows the page again with
 * every problem and a 400; nothing is changed.
 */
@Controller
@RequestMapping("/worktime/calendar")
class CalendarPages {

    private static final String VIEW = "worktime/calendar";

    private final WorkingTime workingTime;
    private final WorkCalendarManagement management;
    private final CurrentActor actors;
    private final MessageSource messages;

    CalendarPages(WorkingTime workingTime, WorkCalendarManagement management, CurrentActor actors, MessageSource messages) {
        this.workingTime = workingTime;
        this.management = management;
        this.actors = actors;
        this.messages = messages;
    }

    @GetMapping
    String calendar(@RequestParam(required = false) String year, Locale locale, Model model, HttpServletResponse response) {
        try {
            show(RequestValues.year(year, today().getYear()), locale, model);
            return VIEW;
        } catch (RejectedTimeInput rejected) {
            return rejected(List.of(messages.getMessage(rejected, locale)), today().getYear(), locale, model, response);
        }
    }

    @PostMapping("/days")
    String put(@RequestParam(required = false) String date, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String nameZh, @RequestParam(required = false) String nameEn,
            Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CalendarEditors.require(actors);
        try {
            CalendarDay day = new CalendarDay(RequestValues.date("date", date), RequestValues.kind(kind), nameEn, nameZh);
            management.put(day);
            redirect.addFlashAttribute("notice", messages.getMessage("worktime.notice.saved", new Object[] {day.date().toString()}, locale));
            return "redirect:/worktime/calendar?year=" + day.date().getYear();
        } catch (RejectedTimeInput rejected) {
            return rejected(List.of(messages.getMessage(rejected, locale)), yearOf(date), locale, model, response);
        }
    }

    @PostMapping("/days/{date}/remove")
    String remove(@PathVariable String date, Locale locale, RedirectAttributes redirect) {
        CalendarEditors.require(actors);
        LocalDate day = RequestValues.date("date", date);
        management.remove(day);
        redirect.addFlashAttribute("notice", messages.getMessage("worktime.notice.removed", new Object[] {day.toString()}, locale));
        return "redirect:/worktime/calendar?year=" + day.getYear();
    }

    @PostMapping("/upload")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Locale locale, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        CalendarEditors.require(actors);
        try {
            WorkCalendarManagement.Imported imported = management.importFile(RequestValues.file(file));
            redirect.addFlashAttribute("notice", messages.getMessage("worktime.notice.imported",
                    new Object[] {imported.added(), imported.changed(), imported.years().toString()}, locale));
            return "redirect:/worktime/calendar?year=" + imported.years().get(0);
        } catch (CalendarFileRejected rejected) {
            List<String> problems = CalendarProblems.describe(rejected, messages, locale).stream().map(CalendarProblems.Described::message).toList();
            return rejected(problems, today().getYear(), locale, model, response);
        } catch (RejectedTimeInput rejected) {
            return rejected(List.of(messages.getMessage(rejected, locale)), today().getYear(), locale, model, response);
        }
    }

    private String rejected(List<String> problems, int year, Locale locale, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("problems", problems);
        show(year, locale, model);
        return VIEW;
    }

    private void show(int year, Locale locale, Model model) {
        WorkCalendar calendar = workingTime.calendar();
        int nextYear = today().getYear() + 1;
        model.addAttribute("year", year);
        model.addAttribute("covered", calendar.covers(year));
        model.addAttribute("nextYear", nextYear);
        model.addAttribute("nextYearCovered", calendar.covers(nextYear));
        model.addAttribute("years", calendar.coveredYears());
        model.addAttribute("days", calendar.daysIn(year));
        model.addAttribute("months", MonthGrid.year(calendar, year, locale));
        model.addAttribute("weekdays", MonthGrid.weekdays(locale));
        model.addAttribute("chinese", "zh".equals(locale.getLanguage()));
        model.addAttribute("kinds", DayKind.values());
        model.addAttribute("hours", workingTime.hours().periods());
        model.addAttribute("editable", CalendarEditors.mayEdit(actors));
    }

    private int yearOf(String date) {
        try {
            return RequestValues.year(date == null || date.length() < 4 ? null : date.substring(0, 4), today().getYear());
        } catch (RejectedTimeInput e) {
            return today().getYear();
        }
    }

    private LocalDate today() {
        return LocalDate.now(workingTime.hours().zone());
    }
}
