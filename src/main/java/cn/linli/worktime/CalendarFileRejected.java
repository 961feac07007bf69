package cn.linli.worktime;

import java.util.List;

/** An uploaded calendar file with bad lines: every problem is listed, and nothing of the file has been stored. */
public class CalendarFileRejected extends RejectedTimeInput {

    private final transient List<CalendarFileProblem> problems;

    public CalendarFileRejected(List<CalendarFileProblem> problems) {
        super("file", "worktime.error.file-rejected", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<CalendarFileProblem> problems() {
        return problems;
    }
}
