package cn.linli.casework.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches the deadlines: every {@code linli.casework.sla.interval} it walks the open stages whose deadline has passed
 * (through the index on state and deadline, oldest first, in batches) and has {@link SlaAlarms} raise what is due.
 * Every instance runs it; the claims in the database make each alarm happen once, and a case an instance was working
 * on when it died is simply taken up by the next run anywhere.
 */
@Component
public class SlaWatch {

    private static final Logger log = LoggerFactory.getLogger(SlaWatch.class);
    /** The states whose stage has a deadline; suspended cases stop the clock and are left out. */
    private static final List<String> TIMED = List.of("REGISTERED", "RETURNED", "DISPATCHED", "IN_PROGRESS", "HANDLED");

    private final JdbcClient jdbc;
    private final SlaAlarms alarms;
    private final Clock clock;
    private final int batch;
    private final boolean enabled;

    SlaWatch(JdbcClient jdbc, SlaAlarms alarms, Clock clock, @Value("${linli.casework.sla.batch:500}") int batch,
            @Value("${linli.casework.sla.enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.alarms = alarms;
        this.clock = clock;
        this.batch = Math.max(1, batch);
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${linli.casework.sla.interval:PT1M}", initialDelayString = "${linli.casework.sla.interval:PT1M}")
    void onSchedule() {
        if (enabled) run();
    }

    /** One pass over every overdue stage; the number of alarms this instance raised. */
    public int run() {
        Instant now = clock.instant();
        int raised = 0;
        SlaAlarms.Overdue last = null;
        List<SlaAlarms.Overdue> page;
        do {
            page = overdue(now, last);
            for (SlaAlarms.Overdue stage : page) raised += raiseQuietly(stage, now);
            if (!page.isEmpty()) last = page.get(page.size() - 1);
        } while (page.size() == batch);
        return raised;
    }

    /** One case's failure must not keep the others' reminders back; it is tried again on the next run. */
    private int raiseQuietly(SlaAlarms.Overdue stage, Instant now) {
        try {
            return alarms.raise(stage, now);
        } catch (RuntimeException e) {
            log.warn("SLA alarm for case {} not raised, will retry: {}", stage.caseId(), e.toString());
            return 0;
        }
    }

    /** The next page of overdue stages after {@code last}, leaving out those whose every reminder for the deadline is raised. */
    private List<SlaAlarms.Overdue> overdue(Instant now, SlaAlarms.Overdue last) {
        return jdbc.sql("""
                select c.id, c.state, c.stage_started_at, c.deadline from casework_case c
                where c.state in (:states) and c.deadline < :now and c.stage_started_at is not null
                  and (c.deadline > :afterDeadline or (c.deadline = :afterDeadline and c.id > :afterId))
                  and not exists (select 1 from casework_sla_alarm a where a.case_id = c.id and a.state = c.state
                                  and a.stage_started_at = c.stage_started_at and a.deadline = c.deadline and a.level = :last)
                order by c.deadline, c.id
                fetch first :batch rows only""")
                .param("states", TIMED).param("now", Cases.utc(now))
                .param("afterDeadline", Cases.utc(last == null ? Instant.EPOCH : last.deadline()))
                .param("afterId", last == null ? 0L : last.caseId())
                .param("last", SlaAlarms.NEXT_WORKING_DAY).param("batch", batch)
                .query((rs, n) -> new SlaAlarms.Overdue(rs.getLong("id"), cn.linli.casework.CaseState.valueOf(rs.getString("state")),
                        Cases.instant(rs, "stage_started_at"), Cases.instant(rs, "deadline")))
                .list();
    }
}
