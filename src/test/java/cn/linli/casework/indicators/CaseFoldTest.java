package cn.linli.casework.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.linli.casework.CaseAction;
import cn.linli.casework.CaseState;
import cn.linli.casework.Satisfaction;

/** Which history line counts as what, for whom and on which day, with a handling limit of one day. */
class CaseFoldTest {

    static final long AREA = 7;
    static final long UNIT = 42;
    static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");

    final CaseFold fold = new CaseFold(new CaseFold.Context() {
        @Override
        public Instant handlingDue(String category, boolean urgent, Instant start, Instant receivedAt) {
            return start.plus(Duration.ofDays(1));
        }

        @Override
        public long workingMinutes(Instant from, Instant to) {
            return Duration.between(from, to).toMinutes();
        }

        @Override
        public Long gridWorkerId(String username) {
            return username.equals("wanggeyuan") ? 99L : null;
        }
    });

    final List<CaseFold.Line> lines = new ArrayList<>();

    void line(CaseAction action, CaseState from, CaseState to, Long unit, String actor, Duration after) {
        lines.add(new CaseFold.Line(lines.size() + 1, action, from, to, unit, actor, T0.plus(after)));
    }

    Deltas fold(Satisfaction satisfaction) {
        Deltas out = new Deltas();
        fold.apply(new Track(1), new CaseFold.Facts(Set.of(AREA), "SJ0102", false, T0, satisfaction, false), lines, out);
        return out;
    }

    static long count(Deltas d, char subject, long id, LocalDate day, Measure m) {
        long[] row = d.rows().get(new Deltas.Key(subject, id, day));
        return row == null ? 0 : row[m.ordinal()];
    }

    static long total(Deltas d, char subject, long id, Measure m) {
        return d.rows().entrySet().stream().filter(e -> e.getKey().subject() == subject && e.getKey().id() == id)
                .mapToLong(e -> e.getValue()[m.ordinal()]).sum();
    }

    @Test
    void anInquiryAnsweredAtOnceCountsForTheAreaAndTheWorkerAndFromTheKnowledgeBaseOnlyWhenRecorded() {
        line(CaseAction.RECEIVE, null, CaseState.RECEIVED, null, "wanggeyuan", Duration.ZERO);
        line(CaseAction.ANSWER, CaseState.RECEIVED, CaseState.ANSWERED, null, "wanggeyuan", Duration.ofMinutes(3));
        Deltas plain = fold(null);
        assertThat(total(plain, 'A', AREA, Measure.ANSWERED)).isEqualTo(1);
        assertThat(total(plain, 'W', 99L, Measure.ANSWERED)).isEqualTo(1);
        assertThat(total(plain, 'A', AREA, Measure.KNOWLEDGE_ANSWERED)).isZero();
        assertThat(total(plain, 'A', AREA, Measure.REGISTERED)).isZero();

        Deltas fromKnowledge = new Deltas();
        fold.apply(new Track(1), new CaseFold.Facts(Set.of(AREA), null, false, T0, null, true), lines, fromKnowledge);
        assertThat(total(fromKnowledge, 'A', AREA, Measure.KNOWLEDGE_ANSWERED)).isEqualTo(1);
        assertThat(total(fromKnowledge, 'W', 99L, Measure.KNOWLEDGE_ANSWERED)).isEqualTo(1);
    }

    void dispatchedAndAccepted() {
        line(CaseAction.RECEIVE, null, CaseState.RECEIVED, null, "wanggeyuan", Duration.ZERO);
        line(CaseAction.REGISTER, CaseState.RECEIVED, CaseState.REGISTERED, null, "wanggeyuan", Duration.ZERO);
        line(CaseAction.DISPATCH, CaseState.REGISTERED, CaseState.DISPATCHED, UNIT, "yongan", Duration.ofMinutes(10));
        line(CaseAction.ACCEPT, CaseState.DISPATCHED, CaseState.IN_PROGRESS, UNIT, "chengguan", Duration.ofMinutes(20));
    }

    @Test
    void aCaseReportedByAGridWorkerCountsForHimTheAreaAndTheHandlingUnit() {
        dispatchedAndAccepted();
        line(CaseAction.REPORT_RESULT, CaseState.IN_PROGRESS, CaseState.HANDLED, UNIT, "chengguan", Duration.ofMinutes(80));
        line(CaseAction.VERIFY_PASS, CaseState.HANDLED, CaseState.CLOSED, UNIT, "wanggeyuan", Duration.ofMinutes(90));
        Deltas d = fold(null);
        LocalDate day = LocalDate.of(2026, 12, 1);
        for (char s : new char[] {'A', 'W'}) {
            long id = s == 'A' ? AREA : 99;
            assertThat(count(d, s, id, day, Measure.RECEIVED)).isEqualTo(1);
            assertThat(count(d, s, id, day, Measure.REGISTERED)).isEqualTo(1);
        }
        assertThat(count(d, 'H', UNIT, day, Measure.RECEIVED)).isZero();
        assertThat(count(d, 'H', UNIT, day, Measure.DUE)).isEqualTo(1);
        assertThat(count(d, 'H', UNIT, day, Measure.DUE_ON_TIME)).isEqualTo(1);
        assertThat(count(d, 'H', UNIT, day, Measure.ONE_TIME_CLOSED)).isEqualTo(1);
        assertThat(count(d, 'H', UNIT, day, Measure.HANDLING_MINUTES)).isEqualTo(60);
        assertThat(count(d, 'H', UNIT, day.plusDays(1), Measure.DUE)).as("moved from the deadline day").isZero();
    }

    @Test
    void aCaseStillOpenIsDueOnItsDeadlineDayAndALateOneIsClosedThereButNotOnTime() {
        dispatchedAndAccepted();
        Deltas open = fold(null);
        assertThat(count(open, 'H', UNIT, LocalDate.of(2026, 12, 2), Measure.DUE)).isEqualTo(1);
        line(CaseAction.REPORT_RESULT, CaseState.IN_PROGRESS, CaseState.HANDLED, UNIT, "chengguan", Duration.ofDays(3));
        line(CaseAction.VERIFY_PASS, CaseState.HANDLED, CaseState.CLOSED, UNIT, "wanggeyuan", Duration.ofDays(3));
        Deltas late = fold(null);
        assertThat(count(late, 'H', UNIT, LocalDate.of(2026, 12, 2), Measure.DUE_CLOSED)).isEqualTo(1);
        assertThat(total(late, 'H', UNIT, Measure.DUE)).isEqualTo(1);
        assertThat(total(late, 'H', UNIT, Measure.DUE_ON_TIME)).isZero();
        assertThat(count(late, 'H', UNIT, LocalDate.of(2026, 12, 4), Measure.CLOSED)).isEqualTo(1);
    }

    @Test
    void anApprovedExtensionCountsTheCaseWhenItClosesAndAVoidedOrMergedCaseIsNeverDue() {
        dispatchedAndAccepted();
        line(CaseAction.REQUEST_EXTENSION, CaseState.IN_PROGRESS, CaseState.IN_PROGRESS, UNIT, "chengguan", Duration.ofHours(2));
        line(CaseAction.APPROVE_EXTENSION, CaseState.IN_PROGRESS, CaseState.IN_PROGRESS, UNIT, "yongan", Duration.ofHours(3));
        assertThat(total(fold(null), 'H', UNIT, Measure.DUE)).isZero();
        line(CaseAction.REPORT_RESULT, CaseState.IN_PROGRESS, CaseState.HANDLED, UNIT, "chengguan", Duration.ofDays(5));
        line(CaseAction.VERIFY_PASS, CaseState.HANDLED, CaseState.CLOSED, UNIT, "wanggeyuan", Duration.ofDays(5));
        Deltas d = fold(null);
        LocalDate closeDay = LocalDate.of(2026, 12, 6);
        assertThat(count(d, 'H', UNIT, closeDay, Measure.DUE)).isEqualTo(1);
        assertThat(count(d, 'H', UNIT, closeDay, Measure.DUE_ON_TIME)).isEqualTo(1);
        assertThat(total(d, 'H', UNIT, Measure.EXTENSIONS)).isEqualTo(1);

        lines.clear();
        dispatchedAndAccepted();
        line(CaseAction.SUSPEND, CaseState.IN_PROGRESS, CaseState.SUSPENDED, UNIT, "yongan", Duration.ofHours(1));
        line(CaseAction.VOID, CaseState.SUSPENDED, CaseState.VOIDED, null, "yongan", Duration.ofHours(2));
        assertThat(total(fold(null), 'H', UNIT, Measure.DUE)).isZero();
    }

    @Test
    void aReturnAndAReworkSpoilTheOneTimeResolutionAndAReopenedVisitWasDissatisfied() {
        line(CaseAction.RECEIVE, null, CaseState.RECEIVED, null, "yongan-sq", Duration.ZERO);
        line(CaseAction.REGISTER, CaseState.RECEIVED, CaseState.REGISTERED, null, "yongan-sq", Duration.ZERO);
        line(CaseAction.DISPATCH, CaseState.REGISTERED, CaseState.DISPATCHED, 5L, "yongan", Duration.ofMinutes(5));
        line(CaseAction.RETURN, CaseState.DISPATCHED, CaseState.RETURNED, 5L, "x", Duration.ofMinutes(6));
        line(CaseAction.ESCALATE, CaseState.RETURNED, CaseState.DISPATCHED, UNIT, "yongan", Duration.ofMinutes(7));
        line(CaseAction.ACCEPT, CaseState.DISPATCHED, CaseState.IN_PROGRESS, UNIT, "chengguan", Duration.ofMinutes(8));
        line(CaseAction.REPORT_RESULT, CaseState.IN_PROGRESS, CaseState.HANDLED, UNIT, "chengguan", Duration.ofMinutes(9));
        line(CaseAction.VERIFY_PASS, CaseState.HANDLED, CaseState.CLOSED, UNIT, "wanggeyuan", Duration.ofMinutes(10));
        line(CaseAction.RETURN_VISIT, CaseState.CLOSED, CaseState.EVALUATED, UNIT, "yongan-sq", Duration.ofMinutes(11));
        line(CaseAction.REOPEN, CaseState.EVALUATED, CaseState.REGISTERED, null, "yongan-sq", Duration.ofMinutes(11));
        Deltas d = fold(Satisfaction.SATISFIED);
        assertThat(total(d, 'A', AREA, Measure.DISPATCHED)).isEqualTo(1);
        assertThat(total(d, 'A', AREA, Measure.DISPATCHES)).isEqualTo(2);
        assertThat(total(d, 'H', 5, Measure.RETURNS)).isEqualTo(1);
        assertThat(total(d, 'H', UNIT, Measure.CLOSED)).isEqualTo(1);
        assertThat(total(d, 'H', UNIT, Measure.ONE_TIME_CLOSED)).isZero();
        assertThat(total(d, 'H', UNIT, Measure.VISITS)).isEqualTo(1);
        assertThat(total(d, 'H', UNIT, Measure.SATISFIED)).as("the visit before a reopening").isZero();
        assertThat(total(d, 'W', 99, Measure.RECEIVED)).isZero();
    }

    @Test
    void anExtensionWithItsDateJudgesTheCaseByTheApprovedDeadline() {
        dispatchedAndAccepted();
        Instant extendedTo = T0.plus(Duration.ofDays(4));
        lines.add(new CaseFold.Line(lines.size() + 1, CaseAction.APPROVE_EXTENSION, CaseState.IN_PROGRESS, CaseState.IN_PROGRESS,
                UNIT, "yongan", T0.plus(Duration.ofHours(3)), extendedTo));
        Deltas open = fold(null);
        assertThat(count(open, 'H', UNIT, LocalDate.of(2026, 12, 2), Measure.DUE)).as("no longer due on the original day").isZero();
        assertThat(count(open, 'H', UNIT, LocalDate.of(2026, 12, 5), Measure.DUE)).as("due on the approved day").isEqualTo(1);

        line(CaseAction.REPORT_RESULT, CaseState.IN_PROGRESS, CaseState.HANDLED, UNIT, "chengguan", Duration.ofDays(3));
        line(CaseAction.VERIFY_PASS, CaseState.HANDLED, CaseState.CLOSED, UNIT, "wanggeyuan", Duration.ofDays(3));
        Deltas inTime = fold(null);
        assertThat(count(inTime, 'H', UNIT, LocalDate.of(2026, 12, 4), Measure.DUE_ON_TIME))
                .as("after the original deadline, before the approved one").isEqualTo(1);
        assertThat(total(inTime, 'H', UNIT, Measure.DUE)).isEqualTo(1);
        assertThat(total(inTime, 'H', UNIT, Measure.EXTENSIONS)).isEqualTo(1);

        lines.remove(lines.size() - 1);
        lines.remove(lines.size() - 1);
        line(CaseAction.REPORT_RESULT, CaseState.IN_PROGRESS, CaseState.HANDLED, UNIT, "chengguan", Duration.ofDays(6));
        line(CaseAction.VERIFY_PASS, CaseState.HANDLED, CaseState.CLOSED, UNIT, "wanggeyuan", Duration.ofDays(6));
        Deltas late = fold(null);
        assertThat(count(late, 'H', UNIT, LocalDate.of(2026, 12, 5), Measure.DUE_CLOSED)).isEqualTo(1);
        assertThat(total(late, 'H', UNIT, Measure.DUE_ON_TIME)).as("after the approved deadline too").isZero();
    }

    @Test
    void linesAlreadyAppliedAreSkipped() {
        dispatchedAndAccepted();
        Track track = new Track(1);
        CaseFold.Facts facts = new CaseFold.Facts(Set.of(AREA), "SJ0102", false, T0, null, false);
        Deltas first = new Deltas();
        fold.apply(track, facts, lines, first);
        Deltas again = new Deltas();
        fold.apply(track, facts, lines, again);
        assertThat(first.isEmpty()).isFalse();
        assertThat(again.isEmpty()).isTrue();
        assertThat(track.lastHistoryId).isEqualTo(4);
    }
}
