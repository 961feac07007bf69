package cn.linli.worktime;

import java.util.List;

/**
 * Published when a change to the official calendar has been committed: the years it touched. Every instance that
 * keeps the calendar in memory reloads it; casework may recompute open deadlines in those years.
 */
public record WorkCalendarChanged(List<Integer> years) {

    public WorkCalendarChanged {
        years = List.copyOf(years);
    }
}
