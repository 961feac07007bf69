package cn.linli.worktime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.linli.cluster.ClusterSignals;
import cn.linli.worktime.internal.CalendarStore;

/**
 * The working-time facade: deadlines, elapsed working time and working-day questions on the current official
 * calendar and the configured office hours. Everything is answered from an in-memory {@link WorkClock}, reloaded
 * after each committed calendar change ({@link WorkCalendarChanged}); no computation touches the database.
 * How each unit is counted, and why, is written on {@link WorkClock}.
 */
@Component
public class WorkingTime {

    private final CalendarStore store;
    private final WorkingHours hours;
    /** The cluster signal of a calendar change: the other instances reload theirs (decision 0013). */
    static final String SIGNAL = "worktime";

    private final ClusterSignals signals;
    private volatile WorkClock clock;

    WorkingTime(CalendarStore store, WorkingHours hours, ClusterSignals signals) {
        this.store = store;
        this.hours = hours;
        this.signals = signals;
        signals.subscribe(SIGNAL, this::reload);
    }

    /** The current calendar and office hours, for many computations on one consistent state. */
    public WorkClock clock() {
        WorkClock current = clock;
        return current != null ? current : reload();
    }

    /** When a limit starting at {@code start} runs out. */
    public Instant plus(Instant start, TimeLimit limit) {
        return clock().plus(start, limit);
    }

    /** When {@code amount} of {@code unit} starting at {@code start} runs out; a negative or absurd amount is refused. */
    public Instant plus(Instant start, long amount, TimeLimitUnit unit) {
        return plus(start, new TimeLimit(amount, unit));
    }

    /** The time between two instants that counts against a limit in this unit. */
    public Duration elapsed(Instant from, Instant to, TimeLimitUnit unit) {
        return clock().elapsed(from, to, unit);
    }

    /** The share of the time from start to deadline used at {@code now}: 0.8 and more is a yellow light. */
    public double usedShare(Instant start, Instant deadline, Instant now, TimeLimitUnit unit) {
        return clock().usedShare(start, deadline, now, unit);
    }

    public boolean isWorkingDay(LocalDate date) {
        return clock().calendar().isWorkingDay(date);
    }

    /** The first working day after the date. */
    public LocalDate nextWorkingDay(LocalDate date) {
        return clock().calendar().nextWorkingDay(date);
    }

    /** Whether the official days of the year are loaded; if not, Monday–Friday are taken as its working days. */
    public boolean covers(int year) {
        return clock().calendar().covers(year);
    }

    public WorkCalendar calendar() {
        return clock().calendar();
    }

    public WorkingHours hours() {
        return hours;
    }

    /** Reads the calendar from the database. Serialised, so the last reload always sees the last commit. */
    public synchronized WorkClock reload() {
        clock = new WorkClock(WorkCalendar.of(store.all()), hours);
        return clock;
    }

    @TransactionalEventListener
    void on(WorkCalendarChanged changed) {
        reload();
    }

    /** Inside the changing transaction, so the other instances hear of it only once it has committed. */
    @EventListener
    void announce(WorkCalendarChanged changed) {
        signals.signal(SIGNAL);
    }
}
