package cn.linli.casework.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.casework.CaseRuleException;
import cn.linli.casework.CaseStage;
import cn.linli.casework.CaseState;

/**
 * Runs one transition on a stored case, in one transaction: reads the case, refuses it to users who may not see it
 * (as if it did not exist) and to a client that acted on an older version, applies the rule with the deadline of the
 * next stage, saves it with its history and publishes its events. A refusal rolls everything back.
 */
@Component
public class Transitions {

    private final Cases cases;
    private final CaseActors actors;
    private final Deadlines deadlines;
    private final CaseEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Transitions(Cases cases, CaseActors actors, Deadlines deadlines, CaseEvents events, TransactionTemplate transactions,
            Clock clock) {
        this.cases = cases;
        this.actors = actors;
        this.deadlines = deadlines;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a rule needs besides the case: who acts, when, and how to compute the next stage's deadline. */
    public record Step(Case aCase, CaseActor actor, Instant now, Cases.Whereabouts whereabouts, Deadlines deadlines) {
        public Instant due(CaseStage stage) {
            return due(aCase.categoryCode(), aCase.isUrgent(), stage);
        }

        /** The deadline under a category the step is about to set (registration). */
        public Instant due(String categoryCode, boolean urgent, CaseStage stage) {
            return deadlines.due(categoryCode, urgent, stage, now, whereabouts.receivedAt());
        }
    }

    public interface Rule {
        void apply(Step step);
    }

    public void run(long caseId, Long expectedVersion, Rule rule) {
        run(caseId, expectedVersion, rule, step -> { });
    }

    /** With more to write in the same transaction once the case is saved (the step's photos). */
    public void run(long caseId, Long expectedVersion, Rule rule, Rule afterSave) {
        transactions.executeWithoutResult(status -> {
            Cases.Stored stored = cases.load(caseId).orElseThrow(() -> notFound(caseId));
            Cases.Whereabouts where = stored.whereabouts();
            CaseActor actor = actors.current(where.place());
            if (!actors.maySee(actor, where.units())) throw notFound(caseId);
            Case aCase = stored.aCase();
            if (expectedVersion != null && expectedVersion != aCase.snapshot().version()) {
                throw CaseRuleException.conflict("case.rule.changed-meanwhile", aCase.number());
            }
            Step step = new Step(aCase, actor, clock.instant(), where, deadlines);
            rule.apply(step);
            var records = cases.update(aCase);
            afterSave.apply(step);
            events.publish(aCase, records);
        });
    }

    /** The stage whose clock restarts when a suspended case resumes where it stood. */
    public static CaseStage stageAfterResume(Case aCase) {
        CaseState back = aCase.snapshot().suspendedFrom();
        if (back == null) return CaseStage.DISPATCH;
        return switch (back) {
            case DISPATCHED -> CaseStage.ACCEPT;
            case IN_PROGRESS -> CaseStage.HANDLE;
            case HANDLED -> CaseStage.VERIFY;
            default -> CaseStage.DISPATCH;
        };
    }

    /** Loads another case for a rule that involves two (a merge); only cases the user may see are found. */
    public Case other(long id) {
        Cases.Whereabouts where = cases.whereabouts(id).orElseThrow(() -> CaseRuleException.invalid("target", "case.error.case-unknown", id));
        CaseActor there = actors.current(where.place());
        if (!actors.maySee(there, where.units())) throw CaseRuleException.invalid("target", "case.error.case-unknown", id);
        return cases.find(id).orElseThrow();
    }

    static CaseRuleException notFound(long id) {
        return new CaseRuleException(CaseRuleException.Kind.NOT_FOUND, "id", "case.error.case-unknown", id);
    }
}
