package cn.linli.casework.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.casework.CaseAction;
import cn.linli.casework.CaseState;
import cn.linli.casework.SlaBreached;
import cn.linli.casework.SlaLight;
import cn.linli.worktime.WorkingTime;

/**
 * Raises the alarms of one overdue stage exactly once across every instance and restart: in a transaction of its
 * own, it locks the case row, re-reads the stage (a user may have moved the case on meanwhile), claims each due alarm
 * by inserting its row under the table's key, and appends the reminder and escalation through the aggregate, whose
 * version check still protects users who saw the case before. A second claimer waits for the lock and then finds the
 * claim; should it still collide on the key, its transaction alone is rolled back and it skips the case.
 * <p>
 * Alarms are claimed per deadline of the stage, not per stage: an extension approved after the breach gives the
 * stage a new deadline, whose breach is a new one and is raised again.
 */
@Component
class SlaAlarms {

    static final int AT_BREACH = 1;
    /** standards.md: a reminder notice the day after a breach. */
    static final int NEXT_WORKING_DAY = 2;
    /** Notes are stored in the platform's working language, like every other note in the history. */
    private static final Locale NOTES = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A stage past its deadline, as found by the watch or as re-read under the lock. */
    record Overdue(long caseId, CaseState state, Instant stageStartedAt, Instant deadline) {
    }

    private final JdbcClient jdbc;
    private final Cases cases;
    private final CaseEvents caseEvents;
    private final ApplicationEventPublisher events;
    private final SlaOwners owners;
    private final WorkingTime workingTime;
    private final MessageSource messages;
    private final TransactionTemplate ownTransaction;

    SlaAlarms(JdbcClient jdbc, Cases cases, CaseEvents caseEvents, ApplicationEventPublisher events, SlaOwners owners,
            WorkingTime workingTime, MessageSource messages, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.caseEvents = caseEvents;
        this.events = events;
        this.owners = owners;
        this.workingTime = workingTime;
        this.messages = messages;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Raises what is due for the stage; the number of alarms this call raised (0 when another instance did). */
    int raise(Overdue found, Instant now) {
        try {
            Integer raised = ownTransaction.execute(status -> raiseLocked(found, now));
            return raised == null ? 0 : raised;
        } catch (DuplicateKeyException claimedElsewhere) {
            return 0;
        }
    }

    private int raiseLocked(Overdue found, Instant now) {
        Optional<Overdue> current = lock(found.caseId());
        if (current.isEmpty() || !sameStage(found, current.get()) || !now.isAfter(current.get().deadline())) return 0;
        Overdue stage = current.get();
        List<Integer> due = due(stage, now);
        if (due.isEmpty()) return 0;
        Case aCase = cases.find(stage.caseId()).orElseThrow();
        Long place = cases.whereabouts(stage.caseId()).orElseThrow().placeUnitId();
        Long owner = owners.owner(stage.state(), aCase.mainUnit(), place);
        Long supervisor = owners.supervisor(owner, place);
        for (int level : due) {
            claim(stage, level, owner, supervisor, now);
            note(aCase, stage, level, owner, supervisor, now);
        }
        caseEvents.publish(aCase, cases.update(aCase));
        if (due.contains(AT_BREACH)) {
            events.publishEvent(new SlaBreached(aCase.id(), aCase.number(), owner, SlaLight.stageOf(stage.state()), stage.deadline()));
        }
        return due.size();
    }

    private Optional<Overdue> lock(long caseId) {
        return jdbc.sql("select id, state, stage_started_at, deadline from casework_case where id = :id for update")
                .param("id", caseId)
                .query((rs, n) -> new Overdue(rs.getLong("id"), CaseState.valueOf(rs.getString("state")),
                        Cases.instant(rs, "stage_started_at"), Cases.instant(rs, "deadline")))
                .optional()
                .filter(o -> o.deadline() != null && o.stageStartedAt() != null && SlaLight.stageOf(o.state()) != null);
    }

    private static boolean sameStage(Overdue found, Overdue current) {
        return found.state() == current.state() && found.stageStartedAt().equals(current.stageStartedAt());
    }

    /** The levels due now and not yet claimed for the stage's current deadline, in order. */
    private List<Integer> due(Overdue stage, Instant now) {
        Set<Integer> claimed = new HashSet<>(jdbc.sql("""
                select level from casework_sla_alarm
                where case_id = :case and state = :state and stage_started_at = :started and deadline = :deadline""")
                .param("case", stage.caseId()).param("state", stage.state().name()).param("started", Cases.utc(stage.stageStartedAt()))
                .param("deadline", Cases.utc(stage.deadline()))
                .query(Integer.class).list());
        List<Integer> due = new ArrayList<>();
        if (!claimed.contains(AT_BREACH)) due.add(AT_BREACH);
        if (!claimed.contains(NEXT_WORKING_DAY) && !now.isBefore(nextWorkingDayAfter(stage.deadline()))) due.add(NEXT_WORKING_DAY);
        return due;
    }

    /** The opening of the first working day after the day of the deadline. */
    Instant nextWorkingDayAfter(Instant deadline) {
        ZoneId zone = workingTime.hours().zone();
        return workingTime.nextWorkingDay(deadline.atZone(zone).toLocalDate()).atTime(workingTime.hours().opening())
                .atZone(zone).toInstant();
    }

    private void claim(Overdue stage, int level, Long owner, Long supervisor, Instant now) {
        jdbc.sql("""
                insert into casework_sla_alarm (case_id, state, stage_started_at, level, deadline, unit_id, supervisor_unit_id, raised_at)
                values (:case, :state, :started, :level, :deadline, :unit, :supervisor, :now)""")
                .param("case", stage.caseId()).param("state", stage.state().name()).param("started", Cases.utc(stage.stageStartedAt()))
                .param("level", level).param("deadline", Cases.utc(stage.deadline())).param("unit", owner)
                .param("supervisor", supervisor).param("now", Cases.utc(now))
                .update();
    }

    private void note(Case aCase, Overdue stage, int level, Long owner, Long supervisor, Instant now) {
        String stageName = text("casework.stage." + SlaLight.stageOf(stage.state()).name());
        String deadline = WHEN.format(stage.deadline().atZone(workingTime.hours().zone()));
        if (level == AT_BREACH) {
            aCase.noteBreach(CaseAction.REMIND, owner, text("sla.note.remind", stageName, deadline), now);
            if (supervisor != null) {
                aCase.noteBreach(CaseAction.ESCALATE_TO_SUPERVISOR, supervisor,
                        text("sla.note.escalate", owners.name(owner), stageName, deadline), now);
            }
        } else {
            aCase.noteBreach(CaseAction.REMIND, owner, text("sla.note.remind-again", stageName, deadline), now);
        }
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, NOTES);
    }
}
