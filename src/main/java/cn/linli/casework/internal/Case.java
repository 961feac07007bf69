package cn.linli.casework.internal;

import static cn.linli.casework.CaseState.ANSWERED;
import static cn.linli.casework.CaseState.CLOSED;
import static cn.linli.casework.CaseState.DISPATCHED;
import static cn.linli.casework.CaseState.EVALUATED;
import static cn.linli.casework.CaseState.HANDLED;
import static cn.linli.casework.CaseState.IN_PROGRESS;
import static cn.linli.casework.CaseState.MERGED;
import static cn.linli.casework.CaseState.NOT_ACCEPTED;
import static cn.linli.casework.CaseState.RECEIVED;
import static cn.linli.casework.CaseState.REGISTERED;
import static cn.linli.casework.CaseState.RETURNED;
import static cn.linli.casework.CaseState.SUSPENDED;
import static cn.linli.casework.CaseState.VOIDED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.linli.casework.CaseAction;
import cn.linli.casework.CaseRuleException;
import cn.linli.casework.CaseState;
import cn.linli.casework.Satisfaction;

/**
 * A case (工单) and the rules of its life. Every method checks the state and the actor, changes the case, and
 * appends one {@link CaseRecord} to the records not yet saved; a refused transition throws
 * {@link CaseRuleException} and changes nothing. Deadlines are computed by the caller from the category's limits and
 * the working-time calendar and handed in, so the rules stay free of calendars and clocks.
 */
public final class Case {

    /** The actor named in the history for what the platform does by itself (breach reminders and escalations). */
    public static final String SYSTEM = "system";

    private final long id;
    private final String number;
    private final long version;
    private CaseState state;
    private CaseState suspendedFrom;
    private String categoryCode;
    private boolean urgent;
    private Long mainUnit;
    private Set<Long> coUnits;
    private Instant stageStartedAt;
    private Instant deadline;
    private Instant requestedDeadline;
    private int returns;
    private int reworks;
    private int extensions;
    private int reopenings;
    private Long mergedInto;
    private Satisfaction satisfaction;
    private final boolean wantsReturnVisit;
    private final List<CaseRecord> unsaved = new ArrayList<>();

    Case(CaseSnapshot s) {
        this.id = s.id();
        this.number = s.number();
        this.version = s.version();
        this.state = s.state();
        this.suspendedFrom = s.suspendedFrom();
        this.categoryCode = s.categoryCode();
        this.urgent = s.urgent();
        this.mainUnit = s.mainUnit();
        this.coUnits = Set.copyOf(s.coUnits());
        this.stageStartedAt = s.stageStartedAt();
        this.deadline = s.deadline();
        this.requestedDeadline = s.requestedDeadline();
        this.returns = s.returns();
        this.reworks = s.reworks();
        this.extensions = s.extensions();
        this.reopenings = s.reopenings();
        this.mergedInto = s.mergedInto();
        this.satisfaction = s.satisfaction();
        this.wantsReturnVisit = s.wantsReturnVisit();
    }

    /** A case just received at intake; its first record is the receipt. */
    static Case received(long id, String number, boolean wantsReturnVisit, CaseActor actor, Instant at) {
        Case received = new Case(CaseSnapshot.received(id, number, wantsReturnVisit, at));
        received.unsaved.add(new CaseRecord(CaseAction.RECEIVE, null, RECEIVED, null, actor.username(), at, null));
        return received;
    }

    // --- intake -------------------------------------------------------------------------------------------------

    /** 即时办结: an inquiry answered at once; the answer is the note. */
    public void answerAtOnce(String answer, CaseActor actor, Instant at) {
        require(actor.mayTakeIn(), "case.rule.not-intake");
        requireState(RECEIVED);
        move(CaseAction.ANSWER, ANSWERED, null, actor, at, requireText("answer", answer));
    }

    /** 不予受理: outside what the platform takes, with the reason. */
    public void refuse(String reason, CaseActor actor, Instant at) {
        require(actor.mayTakeIn(), "case.rule.not-intake");
        requireState(RECEIVED);
        move(CaseAction.REFUSE, NOT_ACCEPTED, null, actor, at, requireText("reason", reason));
    }

    /** 立案: registered under a category; the dispatch deadline starts. */
    public void register(String categoryCode, boolean urgent, Instant dispatchDeadline, CaseActor actor, Instant at) {
        require(actor.mayTakeIn(), "case.rule.not-intake");
        requireState(RECEIVED);
        if (categoryCode == null || categoryCode.isBlank()) throw CaseRuleException.invalid("category", "case.rule.category-required");
        this.categoryCode = categoryCode;
        this.urgent = urgent;
        startStage(at, dispatchDeadline);
        move(CaseAction.REGISTER, REGISTERED, null, actor, at, null);
    }

    // --- dispatch and handling ----------------------------------------------------------------------------------

    /**
     * 派遣; after a return, 改派 to another unit, or 上报 when {@code upward} (the unit is the one above the unit that
     * returned it, which only the organisation knows). One main unit, optional co-handlers (协办).
     */
    public void dispatchTo(long unit, Set<Long> coHandlers, boolean upward, Instant acceptDeadline, CaseActor actor,
            Instant at, String note) {
        require(actor.mayDispatch(), "case.rule.not-dispatcher");
        requireState(REGISTERED, RETURNED);
        if (coHandlers.contains(unit)) throw CaseRuleException.invalid("coUnits", "case.rule.main-also-co");
        boolean again = state == RETURNED && mainUnit != null;
        if (again && mainUnit == unit) throw CaseRuleException.invalid("unit", "case.rule.same-unit-after-return");
        CaseAction action = !again ? CaseAction.DISPATCH : upward ? CaseAction.ESCALATE : CaseAction.REDISPATCH;
        this.mainUnit = unit;
        this.coUnits = Set.copyOf(coHandlers);
        startStage(at, acceptDeadline);
        move(action, DISPATCHED, unit, actor, at, note);
    }

    /** 签收: the main unit takes the case on; the handling deadline starts. */
    public void accept(Instant handleDeadline, CaseActor actor, Instant at) {
        requireHandler(actor);
        requireState(DISPATCHED);
        startStage(at, handleDeadline);
        move(CaseAction.ACCEPT, IN_PROGRESS, mainUnit, actor, at, null);
    }

    /** 退单: a wrongly dispatched case goes back to the dispatcher with the reason. */
    public void returnWith(String reason, Instant redispatchDeadline, CaseActor actor, Instant at) {
        requireHandler(actor);
        requireState(DISPATCHED);
        String why = requireText("reason", reason);
        returns++;
        startStage(at, redispatchDeadline);
        move(CaseAction.RETURN, RETURNED, mainUnit, actor, at, why);
    }

    /** 处理反馈: the result, for the supervision side to verify. */
    public void reportResult(String result, Instant verifyDeadline, CaseActor actor, Instant at) {
        requireHandler(actor);
        requireState(IN_PROGRESS);
        String reported = requireText("result", result);
        requestedDeadline = null;
        startStage(at, verifyDeadline);
        move(CaseAction.REPORT_RESULT, HANDLED, mainUnit, actor, at, reported);
    }

    // --- verification, return visit -----------------------------------------------------------------------------

    /** 核查: by the supervision side, never by the unit that handled it (监管分离); a failed check is rework. */
    public void verify(boolean passed, String note, Instant reworkDeadline, CaseActor actor, Instant at) {
        require(actor.maySupervise(), "case.rule.not-supervisor");
        if (actor.actsFor(mainUnit)) throw CaseRuleException.forbidden("case.rule.verify-own-work");
        requireState(HANDLED);
        if (passed) {
            deadline = null;
            move(CaseAction.VERIFY_PASS, CLOSED, mainUnit, actor, at, note);
        } else {
            String why = requireText("note", note);
            reworks++;
            startStage(at, reworkDeadline);
            move(CaseAction.VERIFY_FAIL, IN_PROGRESS, mainUnit, actor, at, why);
        }
    }

    /** 回访: the reporter's satisfaction; a dissatisfied reporter's case may be reopened for dispatch. */
    public void returnVisit(Satisfaction answer, boolean reopen, String note, Instant dispatchDeadline, CaseActor actor, Instant at) {
        require(actor.mayTakeIn() || actor.maySupervise(), "case.rule.not-intake");
        if (actor.actsFor(mainUnit)) throw CaseRuleException.forbidden("case.rule.visit-own-work");
        requireState(CLOSED);
        if (answer == null) throw CaseRuleException.invalid("satisfaction", "case.rule.satisfaction-required");
        if (reopen && answer != Satisfaction.DISSATISFIED) throw CaseRuleException.invalid("reopen", "case.rule.reopen-needs-dissatisfied");
        satisfaction = answer;
        move(CaseAction.RETURN_VISIT, EVALUATED, mainUnit, actor, at, note);
        if (reopen) {
            reopenings++;
            startStage(at, dispatchDeadline);
            move(CaseAction.REOPEN, REGISTERED, null, actor, at, note);
        }
    }

    /**
     * 未解决重办: the reporter says the matter is not fixed (at the return visit or when asked again days later), so the
     * case goes straight back to the unit that handled it last, with a new acceptance deadline, instead of waiting
     * for a dispatcher: the handler already knows the place and the matter. A closed case gets its dissatisfied
     * return visit first; an evaluated one keeps the visit it had.
     */
    public void reopenToLastHandler(String reason, Instant acceptDeadline, CaseActor actor, Instant at) {
        require(actor.mayTakeIn() || actor.maySupervise(), "case.rule.not-intake");
        if (actor.actsFor(mainUnit)) throw CaseRuleException.forbidden("case.rule.visit-own-work");
        requireState(CLOSED, EVALUATED);
        if (mainUnit == null) throw CaseRuleException.invalid("reopen", "case.rule.no-last-handler");
        String why = requireText("reason", reason);
        if (state == CLOSED) {
            satisfaction = Satisfaction.DISSATISFIED;
            move(CaseAction.RETURN_VISIT, EVALUATED, mainUnit, actor, at, why);
        }
        reopenings++;
        move(CaseAction.REOPEN, REGISTERED, null, actor, at, why);
        startStage(at, acceptDeadline);
        move(CaseAction.DISPATCH, DISPATCHED, mainUnit, actor, at, why);
    }

    // --- side paths ---------------------------------------------------------------------------------------------

    /** 延期申请: only before the deadline, one request at a time, for a later deadline. */
    public void requestExtension(Instant until, String reason, CaseActor actor, Instant at) {
        requireHandler(actor);
        requireState(DISPATCHED, IN_PROGRESS);
        if (requestedDeadline != null) throw CaseRuleException.conflict("case.rule.extension-pending");
        if (deadline != null && !at.isBefore(deadline)) throw CaseRuleException.invalid("until", "case.rule.extension-after-deadline", deadline);
        if (until == null || (deadline != null && !until.isAfter(deadline))) {
            throw CaseRuleException.invalid("until", "case.rule.extension-not-later");
        }
        String why = requireText("reason", reason);
        requestedDeadline = until;
        unsaved.add(new CaseRecord(CaseAction.REQUEST_EXTENSION, state, state, mainUnit, actor.username(), at, why, deadline, until));
    }

    /** 延期审批: the back office approves (the new deadline holds) or refuses a pending request. */
    public void decideExtension(boolean approve, String note, CaseActor actor, Instant at) {
        require(actor.mayDispatch(), "case.rule.not-dispatcher");
        if (actor.actsFor(mainUnit)) throw CaseRuleException.forbidden("case.rule.approve-own-extension");
        if (requestedDeadline == null) throw CaseRuleException.conflict("case.rule.no-extension-pending");
        Instant before = deadline;
        if (approve) {
            deadline = requestedDeadline;
            extensions++;
        }
        // The history keeps both dates of an approval (the indicators judge the case against the new one) and the
        // refused date of a refusal; the approver or refuser is the line's actor.
        unsaved.add(new CaseRecord(approve ? CaseAction.APPROVE_EXTENSION : CaseAction.REFUSE_EXTENSION, state, state, mainUnit,
                actor.username(), at, note, before, requestedDeadline));
        requestedDeadline = null;
    }

    /** 挂起: paused with a reason; the clock stops until it is resumed. */
    public void suspend(String reason, CaseActor actor, Instant at) {
        require(actor.mayDispatch(), "case.rule.not-dispatcher");
        if (!state.isOpen() || state == SUSPENDED) throw stateConflict();
        String why = requireText("reason", reason);
        suspendedFrom = state;
        move(CaseAction.SUSPEND, SUSPENDED, mainUnit, actor, at, why);
    }

    /** Resumes a suspended case where it stood, with a fresh deadline for that stage. */
    public void resume(Instant newDeadline, CaseActor actor, Instant at) {
        require(actor.mayDispatch(), "case.rule.not-dispatcher");
        requireState(SUSPENDED);
        CaseState back = suspendedFrom;
        suspendedFrom = null;
        startStage(at, newDeadline);
        move(CaseAction.RESUME, back, mainUnit, actor, at, null);
    }

    /** 作废: an invalid or harassing request, with the reason. Handled work is never voided. */
    public void voidWith(String reason, CaseActor actor, Instant at) {
        require(actor.mayDispatch() || actor.mayTakeIn(), "case.rule.not-dispatcher");
        requireState(RECEIVED, REGISTERED, RETURNED, SUSPENDED);
        String why = requireText("reason", reason);
        deadline = null;
        move(CaseAction.VOID, VOIDED, null, actor, at, why);
    }

    /** 并单: a repeat of another open case; the other case carries on, this one ends pointing to it. */
    public void mergeInto(Case target, CaseActor actor, Instant at) {
        require(actor.mayTakeIn() || actor.mayDispatch(), "case.rule.not-intake");
        if (target.id == id) throw CaseRuleException.invalid("target", "case.rule.merge-self");
        if (!target.state.isOpen()) throw CaseRuleException.invalid("target", "case.rule.merge-into-closed", target.number);
        if (!state.isOpen()) throw stateConflict();
        mergedInto = target.id;
        deadline = null;
        move(CaseAction.MERGE, MERGED, null, actor, at, target.number);
    }

    /** 督办: instructions from above on an open case; recorded and announced, the state stays. */
    public void supervise(String instructions, CaseActor actor, Instant at) {
        require(actor.has(cn.linli.access.Role.CITY_ADMIN) || actor.has(cn.linli.access.Role.DISTRICT_STAFF)
                || actor.has(cn.linli.access.Role.STREET_STAFF), "case.rule.not-supervisor");
        require(actor.coversLocation() || actor.has(cn.linli.access.Role.CITY_ADMIN), "case.rule.not-supervisor");
        if (!state.isOpen()) throw stateConflict();
        record(CaseAction.SUPERVISE, mainUnit, actor, at, requireText("instructions", instructions));
    }

    /**
     * 超时催办 and 超时督办, written by the platform itself when a stage's deadline has passed: a reminder to the unit
     * that owes the work, or the breach reported to the unit above it. The state and the deadline stay.
     */
    public void noteBreach(CaseAction action, Long unit, String note, Instant at) {
        if (action != CaseAction.REMIND && action != CaseAction.ESCALATE_TO_SUPERVISOR) {
            throw new IllegalArgumentException("not a breach notice: " + action);
        }
        if (!state.isOpen() || state == SUSPENDED) throw stateConflict();
        unsaved.add(new CaseRecord(action, state, state, unit, SYSTEM, at, note));
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private void requireHandler(CaseActor actor) {
        if (!actor.actsFor(mainUnit)) throw CaseRuleException.forbidden("case.rule.not-handler");
    }

    private void requireState(CaseState... allowed) {
        for (CaseState s : allowed) {
            if (state == s) return;
        }
        throw stateConflict();
    }

    private CaseRuleException stateConflict() {
        return CaseRuleException.conflict("case.rule.state", number, state);
    }

    private static void require(boolean allowed, String messageKey) {
        if (!allowed) throw CaseRuleException.forbidden(messageKey);
    }

    private static String requireText(String field, String text) {
        if (text == null || text.isBlank()) throw CaseRuleException.invalid(field, "case.rule.text-required");
        if (text.length() > CaseLimits.NOTE_MAX) throw CaseRuleException.invalid(field, "case.rule.text-too-long", CaseLimits.NOTE_MAX);
        return text.strip();
    }

    private void startStage(Instant at, Instant stageDeadline) {
        stageStartedAt = at;
        deadline = stageDeadline;
    }

    private void move(CaseAction action, CaseState to, Long unit, CaseActor actor, Instant at, String note) {
        unsaved.add(new CaseRecord(action, state, to, unit, actor.username(), at, note));
        state = to;
    }

    private void record(CaseAction action, Long unit, CaseActor actor, Instant at, String note) {
        unsaved.add(new CaseRecord(action, state, state, unit, actor.username(), at, note));
    }

    // --- reading ------------------------------------------------------------------------------------------------

    public long id() { return id; }
    public String number() { return number; }
    public CaseState state() { return state; }
    public Long mainUnit() { return mainUnit; }
    public Instant deadline() { return deadline; }
    public boolean isUrgent() { return urgent; }
    public String categoryCode() { return categoryCode; }

    /** The state to save, with the version it was read at (for the optimistic check). */
    CaseSnapshot snapshot() {
        return new CaseSnapshot(id, number, version, state, suspendedFrom, categoryCode, urgent, mainUnit, coUnits,
                stageStartedAt, deadline, requestedDeadline, returns, reworks, extensions, reopenings, mergedInto,
                satisfaction, wantsReturnVisit);
    }

    /** The records appended since the case was read; saving takes them. */
    /** The history lines not saved yet, left in place. */
    List<CaseRecord> unsavedRecords() {
        return List.copyOf(unsaved);
    }

    List<CaseRecord> takeUnsaved() {
        List<CaseRecord> taken = List.copyOf(unsaved);
        unsaved.clear();
        return taken;
    }
}
