package cn.linli.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.linli.access.Role;
import cn.linli.casework.CaseAction;
import cn.linli.casework.CaseRuleException;
import cn.linli.casework.CaseState;
import cn.linli.casework.Satisfaction;

/** The rules of a case's life, one path per test, without a database. */
class CaseTest {

    static final long STREET_OFFICE = 11, CHENGGUAN = 21, ZHUJIAN = 22;
    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    final CaseActor window = new CaseActor("sq", Set.of(Role.COMMUNITY_STAFF), Set.of(), true);
    final CaseActor dispatcher = new CaseActor("jd", Set.of(Role.STREET_STAFF), Set.of(STREET_OFFICE), true);
    final CaseActor handler = new CaseActor("cg", Set.of(Role.DEPARTMENT_STAFF), Set.of(CHENGGUAN), false);
    final CaseActor otherDepartment = new CaseActor("zj", Set.of(Role.DEPARTMENT_STAFF), Set.of(ZHUJIAN), false);
    final CaseActor gridWorker = new CaseActor("wgy", Set.of(Role.GRID_WORKER), Set.of(), true);
    final CaseActor gridWorkerElsewhere = new CaseActor("wgy2", Set.of(Role.GRID_WORKER), Set.of(), false);

    static Instant at(int hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    Case registered() {
        Case c = Case.received(1, "20260302-0001", true, window, T0);
        c.register("0301", false, at(8), window, at(0));
        return c;
    }

    Case inProgress() {
        Case c = registered();
        c.dispatchTo(CHENGGUAN, Set.of(), false, at(4), dispatcher, at(1), null);
        c.accept(at(48), handler, at(2));
        return c;
    }

    Case handled() {
        Case c = inProgress();
        c.reportResult("已清理", at(30), handler, at(5));
        return c;
    }

    @Test
    void theNormalPathRunsFromReceiptToEvaluationWithOneRecordPerStep() {
        Case c = handled();
        c.verify(true, "现场核实已清理", null, gridWorker, at(6));
        c.returnVisit(Satisfaction.SATISFIED, false, null, null, window, at(30));
        assertThat(c.state()).isEqualTo(CaseState.EVALUATED);
        assertThat(c.takeUnsaved()).extracting(CaseRecord::action).containsExactly(CaseAction.RECEIVE, CaseAction.REGISTER,
                CaseAction.DISPATCH, CaseAction.ACCEPT, CaseAction.REPORT_RESULT, CaseAction.VERIFY_PASS, CaseAction.RETURN_VISIT);
    }

    @Test
    void anInquiryAnsweredAtOnceIsClosedAtIntake() {
        Case c = Case.received(2, "20260302-0002", false, window, T0);
        c.answerAtOnce("社保卡在区人社局三楼办理", window, at(0));
        assertThat(c.state()).isEqualTo(CaseState.ANSWERED);
        assertThat(c.state().isResolved()).isTrue();
    }

    @Test
    void aReturnedCaseGoesBackToTheDispatcherWithItsReasonAndIsRedispatchedElsewhere() {
        Case c = registered();
        c.dispatchTo(ZHUJIAN, Set.of(), false, at(4), dispatcher, at(1), null);
        assertThatThrownBy(() -> c.returnWith(" ", at(9), otherDepartment, at(2)))
                .isInstanceOfSatisfying(CaseRuleException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        c.returnWith("占道经营属城管职责", at(9), otherDepartment, at(2));
        assertThat(c.state()).isEqualTo(CaseState.RETURNED);
        assertThatThrownBy(() -> c.dispatchTo(ZHUJIAN, Set.of(), false, at(12), dispatcher, at(3), null))
                .isInstanceOfSatisfying(CaseRuleException.class, e -> assertThat(e.messageKey()).isEqualTo("case.rule.same-unit-after-return"));
        c.dispatchTo(CHENGGUAN, Set.of(ZHUJIAN), false, at(12), dispatcher, at(3), "改派城管，住建协办");
        assertThat(c.state()).isEqualTo(CaseState.DISPATCHED);
        assertThat(c.mainUnit()).isEqualTo(CHENGGUAN);
        assertThat(c.snapshot().returns()).isEqualTo(1);
        assertThat(c.takeUnsaved()).extracting(CaseRecord::action).containsSubsequence(CaseAction.DISPATCH,
                CaseAction.RETURN, CaseAction.REDISPATCH).doesNotContain(CaseAction.ESCALATE);
    }

    @Test
    void aReturnedCaseSentToTheUnitAboveIsAnEscalationNotARedispatch() {
        Case c = registered();
        c.dispatchTo(ZHUJIAN, Set.of(), false, at(4), dispatcher, at(1), null);
        c.returnWith("需区政府协调多部门", at(9), otherDepartment, at(2));
        c.dispatchTo(CHENGGUAN, Set.of(), true, at(12), dispatcher, at(3), "上报区政府");
        assertThat(c.state()).isEqualTo(CaseState.DISPATCHED);
        assertThat(c.takeUnsaved()).extracting(CaseRecord::action).endsWith(CaseAction.RETURN, CaseAction.ESCALATE);
    }

    @Test
    void onlyTheMainUnitAcceptsAndReports() {
        Case c = registered();
        c.dispatchTo(CHENGGUAN, Set.of(ZHUJIAN), false, at(4), dispatcher, at(1), null);
        assertThatThrownBy(() -> c.accept(at(48), otherDepartment, at(2)))
                .isInstanceOfSatisfying(CaseRuleException.class, e -> assertThat(e.kind()).isEqualTo(CaseRuleException.Kind.FORBIDDEN));
        assertThat(c.state()).isEqualTo(CaseState.DISPATCHED);
    }

    @Test
    void theUnitThatHandledACaseNeverVerifiesIt() {
        Case c = handled();
        CaseActor handlerWhoIsAlsoAGridWorker = new CaseActor("cg-wgy", Set.of(Role.GRID_WORKER), Set.of(CHENGGUAN), true);
        assertThatThrownBy(() -> c.verify(true, null, null, handlerWhoIsAlsoAGridWorker, at(6)))
                .isInstanceOfSatisfying(CaseRuleException.class, e -> assertThat(e.messageKey()).isEqualTo("case.rule.verify-own-work"));
        assertThatThrownBy(() -> c.verify(true, null, null, gridWorkerElsewhere, at(6)))
                .isInstanceOfSatisfying(CaseRuleException.class, e -> assertThat(e.kind()).isEqualTo(CaseRuleException.Kind.FORBIDDEN));
        assertThat(c.state()).isEqualTo(CaseState.HANDLED);
    }

    @Test
    void aFailedVerificationIsReworkWithANewDeadline() {
        Case c = handled();
        c.verify(false, "仍有垃圾残留", at(20), gridWorker, at(6));
        assertThat(c.state()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(c.deadline()).isEqualTo(at(20));
        assertThat(c.snapshot().reworks()).isEqualTo(1);
        c.reportResult("已彻底清理", at(30), handler, at(7));
        c.verify(true, null, null, gridWorker, at(8));
        assertThat(c.state()).isEqualTo(CaseState.CLOSED);
    }

    @Test
    void anExtensionIsRequestedBeforeTheDeadlineAndHoldsOnceApproved() {
        Case c = inProgress();
        assertThatThrownBy(() -> c.requestExtension(at(40), "需协调产权单位", handler, at(3)))
                .isInstanceOfSatisfying(CaseRuleException.class, e -> assertThat(e.messageKey()).isEqualTo("case.rule.extension-not-later"));
        c.requestExtension(at(96), "需协调产权单位", handler, at(3));
        assertThatThrownBy(() -> c.requestExtension(at(100), "再延", handler, at(4)))
                .isInstanceOfSatisfying(CaseRuleException.class, e -> assertThat(e.kind()).isEqualTo(CaseRuleException.Kind.CONFLICT));
        assertThatThrownBy(() -> c.decideExtension(true, null, handler, at(4)))
                .isInstanceOf(CaseRuleException.class);
        c.decideExtension(true, "同意", dispatcher, at(4));
        assertThat(c.deadline()).isEqualTo(at(96));
        assertThat(c.snapshot().extensions()).isEqualTo(1);
    }

    @Test
    void aRefusedExtensionKeepsTheDeadlineAndTheStateAndIsRecordedWithTheDateItRefused() {
        Case c = inProgress();
        c.requestExtension(at(96), "需协调产权单位", handler, at(3));
        c.takeUnsaved();
        c.decideExtension(false, "现有时限内可完成", dispatcher, at(4));
        assertThat(c.deadline()).isEqualTo(at(48));
        assertThat(c.state()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(c.snapshot().extensions()).isZero();
        assertThat(c.snapshot().requestedDeadline()).as("no longer pending").isNull();
        assertThat(c.takeUnsaved()).singleElement().satisfies(line -> {
            assertThat(line.action()).isEqualTo(CaseAction.REFUSE_EXTENSION);
            assertThat(line.from()).isEqualTo(CaseState.IN_PROGRESS);
            assertThat(line.to()).isEqualTo(CaseState.IN_PROGRESS);
            assertThat(line.actor()).isEqualTo("jd");
            assertThat(line.note()).isEqualTo("现有时限内可完成");
            assertThat(line.oldDeadline()).isEqualTo(at(48));
            assertThat(line.newDeadline()).as("the date refused").isEqualTo(at(96));
        });
    }

    @Test
    void anExtensionRequestedAfterTheDeadlineIsRefused() {
        Case c = inProgress();
        assertThatThrownBy(() -> c.requestExtension(at(200), "来不及了", handler, at(49)))
                .isInstanceOfSatisfying(CaseRuleException.class, e -> assertThat(e.messageKey()).isEqualTo("case.rule.extension-after-deadline"));
        assertThat(c.snapshot().requestedDeadline()).isNull();
    }

    @Test
    void aDissatisfiedReporterMayHaveTheCaseReopened() {
        Case c = handled();
        c.verify(true, null, null, gridWorker, at(6));
        assertThatThrownBy(() -> c.returnVisit(Satisfaction.SATISFIED, true, null, at(40), window, at(30)))
                .isInstanceOf(CaseRuleException.class);
        c.returnVisit(Satisfaction.DISSATISFIED, true, "垃圾又堆起来了", at(40), window, at(30));
        assertThat(c.state()).isEqualTo(CaseState.REGISTERED);
        assertThat(c.snapshot().reopenings()).isEqualTo(1);
        assertThat(c.snapshot().satisfaction()).isEqualTo(Satisfaction.DISSATISFIED);
    }

    @Test
    void mergingIntoItselfOrIntoAClosedCaseIsRefused() {
        Case duplicate = registered();
        Case original = Case.received(2, "20260302-0002", false, window, T0);
        original.answerAtOnce("已答复", window, at(0));
        assertThatThrownBy(() -> duplicate.mergeInto(duplicate, window, at(1)))
                .isInstanceOfSatisfying(CaseRuleException.class, e -> assertThat(e.messageKey()).isEqualTo("case.rule.merge-self"));
        assertThatThrownBy(() -> duplicate.mergeInto(original, window, at(1)))
                .isInstanceOfSatisfying(CaseRuleException.class, e -> assertThat(e.messageKey()).isEqualTo("case.rule.merge-into-closed"));
        Case open = Case.received(3, "20260302-0003", false, window, T0);
        duplicate.mergeInto(open, window, at(1));
        assertThat(duplicate.state()).isEqualTo(CaseState.MERGED);
        assertThat(duplicate.snapshot().mergedInto()).isEqualTo(3);
    }

    @Test
    void aSuspendedCaseResumesWhereItStood() {
        Case c = inProgress();
        c.suspend("等待法院判决", dispatcher, at(3));
        assertThat(c.state()).isEqualTo(CaseState.SUSPENDED);
        assertThatThrownBy(() -> c.reportResult("x", at(9), handler, at(4))).isInstanceOf(CaseRuleException.class);
        c.resume(at(60), dispatcher, at(10));
        assertThat(c.state()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(c.deadline()).isEqualTo(at(60));
    }

    @Test
    void handledWorkIsNeverVoidedButAnInvalidRequestIs() {
        Case c = handled();
        assertThatThrownBy(() -> c.voidWith("骚扰电话", dispatcher, at(6))).isInstanceOf(CaseRuleException.class);
        Case prank = Case.received(4, "20260302-0004", false, window, T0);
        prank.voidWith("骚扰电话", window, at(0));
        assertThat(prank.state()).isEqualTo(CaseState.VOIDED);
    }

    @Test
    void supervisionIsRecordedWithoutChangingTheState() {
        Case c = inProgress();
        c.takeUnsaved();
        c.supervise("请于今日内处理完毕", new CaseActor("qu", Set.of(Role.DISTRICT_STAFF), Set.of(), true), at(3));
        assertThat(c.state()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(c.takeUnsaved()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo(CaseAction.SUPERVISE);
            assertThat(r.note()).isEqualTo("请于今日内处理完毕");
        });
        assertThatThrownBy(() -> c.supervise("x", gridWorker, at(4))).isInstanceOf(CaseRuleException.class);
    }

    @Test
    void aTransitionFromTheWrongStateIsAConflictThatChangesNothing() {
        Case c = registered();
        c.takeUnsaved();
        assertThatThrownBy(() -> c.accept(at(48), handler, at(2)))
                .isInstanceOfSatisfying(CaseRuleException.class, e -> assertThat(e.kind()).isIn(CaseRuleException.Kind.CONFLICT,
                        CaseRuleException.Kind.FORBIDDEN));
        assertThat(c.state()).isEqualTo(CaseState.REGISTERED);
        assertThat(c.takeUnsaved()).isEmpty();
    }

    @Test
    void everyRefusedTransitionLeavesTheCaseExactlyAsItWas() {
        java.util.List<java.util.function.Supplier<Case>> states = java.util.List.of(
                () -> Case.received(9, "n", true, window, T0), this::registered, this::inProgress, this::handled);
        java.util.List<java.util.function.Consumer<Case>> refusals = java.util.List.of(
                c -> c.answerAtOnce(" ", window, at(9)), c -> c.refuse("", window, at(9)),
                c -> c.register(" ", false, at(20), window, at(9)),
                c -> c.dispatchTo(CHENGGUAN, Set.of(CHENGGUAN), false, at(20), dispatcher, at(9), null),
                c -> c.accept(at(20), otherDepartment, at(9)), c -> c.returnWith(" ", at(20), handler, at(9)),
                c -> c.reportResult("", at(20), handler, at(9)), c -> c.verify(false, " ", at(20), gridWorker, at(9)),
                c -> c.requestExtension(at(100), " ", handler, at(9)), c -> c.suspend(" ", dispatcher, at(9)),
                c -> c.voidWith(" ", dispatcher, at(9)), c -> c.supervise(" ", dispatcher, at(9)),
                c -> c.returnVisit(null, false, null, null, window, at(9)));
        for (var state : states) {
            for (var refusal : refusals) {
                Case c = state.get();
                c.takeUnsaved();
                CaseSnapshot before = c.snapshot();
                assertThatThrownBy(() -> refusal.accept(c)).isInstanceOf(CaseRuleException.class);
                assertThat(c.snapshot()).isEqualTo(before);
                assertThat(c.takeUnsaved()).isEmpty();
            }
        }
    }
}
