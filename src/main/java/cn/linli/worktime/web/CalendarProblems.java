package cn.linli.worktime.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import cn.linli.worktime.CalendarFileRejected;

/** The problems of a rejected calendar file in the user's language, each with its line and column. */
final class CalendarProblems {

    private CalendarProblems() {
    }

    /** {@code field} is "line 3 date"; the message says "第 3 行 date: …" / "Line 3, date: …". */
    record Described(String field, String message) {
    }

    static List<Described> describe(CalendarFileRejected rejected, MessageSource messages, Locale locale) {
        return rejected.problems().stream().map(problem -> {
            String reason = messages.getMessage(problem.messageKey(), problem.arguments().toArray(), problem.messageKey(), locale);
            String message = messages.getMessage("worktime.file.line", new Object[] {problem.line(), problem.field(), reason}, locale);
            return new Described("line " + problem.line() + " " + problem.field(), message);
        }).toList();
    }
}
