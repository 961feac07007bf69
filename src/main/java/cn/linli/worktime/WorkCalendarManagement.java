package cn.linli.worktime;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.access.Actor;
import cn.linli.access.AuditLog;
import cn.linli.access.CurrentActor;
import cn.linli.worktime.internal.CalendarCsv;
import cn.linli.worktime.internal.CalendarStore;

/**
 * Changes to the official calendar: a day added, changed or removed, or a whole file of days (the next year's
 * schedule when the State Council publishes it). Each change is one transaction, written to the audit log, and
 * followed by {@link WorkCalendarChanged}. Who may call it is decided by the callers (the pages and the API allow
 * city administrators only).
 */
@Component
public class WorkCalendarManagement {

    static final String DAY_CHANGED = "WORK_CALENDAR_DAY_CHANGED";
    static final String DAY_REMOVED = "WORK_CALENDAR_DAY_REMOVED";
    static final String FILE_IMPORTED = "WORK_CALENDAR_IMPORTED";

    private final CalendarStore store;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final CurrentActor actors;

    WorkCalendarManagement(CalendarStore store, TransactionTemplate transactions, ApplicationEventPublisher events,
            AuditLog audit, CurrentActor actors) {
        this.store = store;
        this.transactions = transactions;
        this.events = events;
        this.audit = audit;
        this.actors = actors;
    }

    /** Lists the day as a holiday or make-up working day, replacing what the calendar said about the date. */
    public void put(CalendarDay day) {
        transactions.executeWithoutResult(status -> {
            store.put(day, actor());
            audit.record(DAY_CHANGED, day.date().toString(), day.kind().code() + " " + day.nameZh() + " / " + day.nameEn());
            events.publishEvent(new WorkCalendarChanged(List.of(day.date().getYear())));
        });
    }

    /** Returns the date to the weekly rule; true if it was listed, false (and nothing done) if it was not. */
    public boolean remove(LocalDate date) {
        Boolean removed = transactions.execute(status -> {
            if (!store.delete(date)) return false;
            audit.record(DAY_REMOVED, date.toString(), null);
            events.publishEvent(new WorkCalendarChanged(List.of(date.getYear())));
            return true;
        });
        return Boolean.TRUE.equals(removed);
    }

    /** What an upload did: days newly listed, days changed, and the years it touched. */
    public record Imported(int added, int changed, List<Integer> years) {
    }

    /**
     * Stores every day of a calendar file ({@code date,kind,name_en,name_zh}), adding new dates and replacing listed
     * ones; days not in the file stay. The file is checked as a whole first: with any bad line it is refused with
     * every problem ({@link CalendarFileRejected}) and nothing changes.
     */
    public Imported importFile(byte[] file) {
        List<CalendarDay> days = CalendarCsv.parse(file);
        return transactions.execute(status -> {
            String actor = actor();
            int added = 0;
            TreeSet<Integer> years = new TreeSet<>();
            for (CalendarDay day : days) {
                if (store.put(day, actor)) added++;
                years.add(day.date().getYear());
            }
            Imported imported = new Imported(added, days.size() - added, List.copyOf(years));
            audit.record(FILE_IMPORTED, "years " + imported.years(), imported.added() + " added, " + imported.changed() + " changed");
            events.publishEvent(new WorkCalendarChanged(imported.years()));
            return imported;
        });
    }

    private String actor() {
        return actors.find().map(Actor::username).orElse(AuditLog.SYSTEM);
    }
}
