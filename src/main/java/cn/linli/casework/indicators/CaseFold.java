package cn.linli.casework.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import cn.linli.casework.CaseAction;
import cn.linli.casework.CaseState;
import cn.linli.casework.Satisfaction;

/**
 * Turns history lines into rollup counts: which line counts as what, for which subjects, on which day. The listener
 * and the rebuild both fold through here, so they cannot disagree. Every line counts for the case's territory
 * (grid, community, street, district) and for the grid worker who reported it; lines that concern a handling unit
 * (dispatch, return, accept, result, verification, extension, return visit) also for that unit.
 * <p>
 * "Due to close" (应结案) follows one rule: a handled case is due once, on the day it was closed or on the day its
 * handling deadline fell, whichever came first. So a case closed early counts in the period it closed, a late or
 * still open case in the period its deadline fell, and no case counts in two periods.
 */
final class CaseFold {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    /** One line of casework_case_history; {@code newDeadline} is the date an approved extension set. */
    record Line(long id, CaseAction action, CaseState from, CaseState to, Long unitId, String actor, Instant at, Instant newDeadline) {
        Line(long id, CaseAction action, CaseState from, CaseState to, Long unitId, String actor, Instant at) {
            this(id, action, from, to, unitId, actor, at, null);
        }
    }

    /**
     * What the fold needs from the case row: its places, category, the latest return-visit answer, and whether it was
     * answered from a knowledge-base entry.
     */
    record Facts(Set<Long> areas, String category, boolean urgent, Instant receivedAt, Satisfaction satisfaction,
            boolean knowledgeAnswer) {
    }

    /** The calendar and directory questions of the fold, answered outside it. */
    interface Context {
        Instant handlingDue(String category, boolean urgent, Instant start, Instant receivedAt);

        long workingMinutes(Instant from, Instant to);

        Long gridWorkerId(String username);
    }

    private final Context context;

    CaseFold(Context context) {
        this.context = context;
    }

    /** Applies the lines after the track's last one; lines already applied are skipped (redelivered events). */
    void apply(Track track, Facts facts, List<Line> lines, Deltas out) {
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.id() <= track.lastHistoryId) continue;
            Line next = i + 1 < lines.size() ? lines.get(i + 1) : null;
            new Step(track, facts, line, out).apply(next);
            track.lastHistoryId = line.id();
        }
    }

    private final class Step {
        private final Track t;
        private final Facts facts;
        private final Line line;
        private final Deltas out;

        Step(Track t, Facts facts, Line line, Deltas out) {
            this.t = t;
            this.facts = facts;
            this.line = line;
            this.out = out;
        }

        void apply(Line next) {
            switch (line.action()) {
                case RECEIVE -> received();
                case REGISTER -> count(Measure.REGISTERED, null, today());
                case DISPATCH, REDISPATCH, ESCALATE -> dispatched();
                case RETURN -> {
                    t.returned = true;
                    count(Measure.RETURNS, line.unitId(), today());
                }
                case ACCEPT -> accepted();
                case REPORT_RESULT -> t.resultAt = line.at();
                case VERIFY_FAIL -> {
                    t.reworked = true;
                    count(Measure.REWORKS, line.unitId(), today());
                }
                case VERIFY_PASS -> closed();
                case APPROVE_EXTENSION -> extended();
                case RETURN_VISIT -> visited(next);
                case REOPEN -> t.newEpisode();
                case VOID, MERGE -> unbook();
                case ANSWER -> answered();
                default -> {
                    // Refusals, suspensions, supervision and reminders are not counted: the formulas
                    // concern registered cases and their handling (a suspended case stays due, as in the plain formula).
                }
            }
        }

        private void received() {
            if (t.workerId == null) t.workerId = context.gridWorkerId(line.actor());
            count(Measure.RECEIVED, null, today());
        }

        /** 直接答复: counted for the territory and the grid worker who took it, like the intake. */
        private void answered() {
            count(Measure.ANSWERED, null, today());
            if (facts.knowledgeAnswer()) count(Measure.KNOWLEDGE_ANSWERED, null, today());
        }

        private void dispatched() {
            if (line.to() != CaseState.DISPATCHED || line.unitId() == null) return;
            t.unitId = line.unitId();
            count(Measure.DISPATCHES, line.unitId(), today());
            if (line.from() == CaseState.REGISTERED) count(Measure.DISPATCHED, line.unitId(), today());
        }

        private void accepted() {
            if (t.acceptedAt != null) return;
            t.acceptedAt = line.at();
            t.unitId = line.unitId();
            t.dueAt = context.handlingDue(facts.category(), facts.urgent(), line.at(), facts.receivedAt());
            // An extension approved before acceptance: the case is counted when it closes (see extended()).
            if (!t.extended) book(day(t.dueAt), line.unitId());
        }

        private void closed() {
            LocalDate closeDay = today();
            boolean oneTime = !t.returned && !t.reworked;
            count(Measure.CLOSED, line.unitId(), closeDay);
            if (oneTime) count(Measure.ONE_TIME_CLOSED, line.unitId(), closeDay);
            if (t.acceptedAt != null && t.resultAt != null) {
                count(Measure.HANDLED, line.unitId(), closeDay);
                add(Measure.HANDLING_MINUTES, line.unitId(), closeDay, context.workingMinutes(t.acceptedAt, t.resultAt));
            }
            // t.extended marks an extension approved before the history kept its date (V6_61): such a case counts as
            // due and on time on the day it closes. A dated extension moved t.dueAt to the approved date instead.
            boolean onTime = t.extended || (t.dueAt != null && t.resultAt != null && !t.resultAt.isAfter(t.dueAt));
            if (t.bookedDay == null && !t.extended) return;
            LocalDate dueDay = t.bookedDay == null || closeDay.isBefore(t.bookedDay) ? closeDay : t.bookedDay;
            Long unit = t.bookedUnit != null ? t.bookedUnit : line.unitId();
            unbook();
            book(dueDay, unit);
            count(Measure.DUE_CLOSED, unit, dueDay);
            if (onTime) count(Measure.DUE_ON_TIME, unit, dueDay);
            t.bookedDay = null;
            t.bookedUnit = null;
        }

        /**
         * An approved extension counts as one (延期率) and, during handling, makes the approved date the one the case
         * is judged by: closed by then it is on time, and it is due on that date's day unless it closes earlier. An
         * extension of the time to accept leaves the handling limit, which starts at acceptance, as it is.
         */
        private void extended() {
            count(Measure.EXTENSIONS, line.unitId(), today());
            if (line.newDeadline() == null) {
                t.extended = true;
                unbook();
            } else if (t.acceptedAt != null) {
                Long unit = t.bookedUnit != null ? t.bookedUnit : line.unitId();
                t.dueAt = line.newDeadline();
                unbook();
                book(day(t.dueAt), unit);
            }
        }

        /** The answer is not in the history line: a visit followed by a reopening was dissatisfied; otherwise it is the case's last visit, whose answer the case row keeps. */
        private void visited(Line next) {
            Satisfaction answer = next != null && next.action() == CaseAction.REOPEN ? Satisfaction.DISSATISFIED : facts.satisfaction();
            if (answer == null || answer == Satisfaction.NOT_REACHED) return;
            count(Measure.VISITS, line.unitId(), today());
            if (answer.countsAsSatisfied()) count(Measure.SATISFIED, line.unitId(), today());
        }

        private void book(LocalDate day, Long unit) {
            count(Measure.DUE, unit, day);
            t.bookedDay = day;
            t.bookedUnit = unit;
        }

        private void unbook() {
            if (t.bookedDay == null) return;
            add(Measure.DUE, t.bookedUnit, t.bookedDay, -1);
            t.bookedDay = null;
            t.bookedUnit = null;
        }

        private void count(Measure measure, Long unit, LocalDate day) {
            add(measure, unit, day, 1);
        }

        private void add(Measure measure, Long unit, LocalDate day, long amount) {
            for (Long area : facts.areas()) out.add(new Deltas.Key('A', area, day), measure, amount);
            if (t.workerId != null) out.add(new Deltas.Key('W', t.workerId, day), measure, amount);
            if (unit != null) out.add(new Deltas.Key('H', unit, day), measure, amount);
        }

        private LocalDate today() {
            return day(line.at());
        }
    }

    static LocalDate day(Instant at) {
        return at.atZone(CITY).toLocalDate();
    }
}
