package cn.linli.worktime;

import java.util.List;

/** One thing wrong with a line of an uploaded calendar file: the line number, the column and a message key. */
public record CalendarFileProblem(int line, String field, String messageKey, List<Object> arguments) {

    public CalendarFileProblem {
        arguments = List.copyOf(arguments);
    }

    public static CalendarFileProblem of(int line, String field, String messageKey, Object... arguments) {
        return new CalendarFileProblem(line, field, messageKey, List.of(arguments));
    }
}
