package cn.linli.casework;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.linli.casework.internal.CaseFiles;
import cn.linli.casework.internal.Intake;
import cn.linli.casework.internal.Transitions;
import cn.linli.organisation.HandlingUnit;
import cn.linli.organisation.Organisation;

/**
 * Casework's command side: intake and every transition of a case's life. Each call is one transaction that either
 * changes the case, appends its history and publishes its events, or throws {@link CaseRuleException} and changes
 * nothing. {@code version} is the version the user saw: when someone else changed the case since, the call is
 * refused as a conflict (pass null where no page is involved).
 */
@Service
public class CaseWork {

    private final Intake intake;
    private final Transitions transitions;
    private final CaseFiles files;
    private final Organisation organisation;

    CaseWork(Intake intake, Transitions transitions, CaseFiles files, Organisation organisation) {
        this.intake = intake;
        this.transitions = transitions;
        this.files = files;
        this.organisation = organisation;
    }

    /** 受理: one case per request, whatever the channel; a retry with the same idempotency key makes no second case. */
    public CaseReceipt receive(NewCase request) {
        return intake.receive(request);
    }

    /**
     * 受理 answered with the case as the user reads it: the new case as written, or the earlier one of the same
     * idempotency key; empty when it lies outside what the user may read.
     */
    public Optional<ReceivedCase> receiveAndShow(NewCase request) {
        return intake.receiveAndShow(request);
    }

    /** Intake with the photos and files the caller brought; a file that is not a photo or PDF refuses it all. */
    public CaseReceipt receive(NewCase request, List<NewAttachment> attachments) {
        return intake.receive(request, attachments);
    }

    public void answerAtOnce(long id, Long version, String answer) {
        transitions.run(id, version, s -> s.aCase().answerAtOnce(answer, s.actor(), s.now()));
    }

    public void refuse(long id, Long version, String reason) {
        transitions.run(id, version, s -> s.aCase().refuse(reason, s.actor(), s.now()));
    }

    public void register(long id, Long version, String categoryCode, boolean urgent) {
        String code = intake.intakeCategory(categoryCode == null ? "" : categoryCode.strip()).code().value();
        transitions.run(id, version, s -> s.aCase().register(code, urgent, s.due(code, urgent, CaseStage.DISPATCH), s.actor(), s.now()));
    }

    /** 派遣, or after a return 改派 to another unit; to the unit above the one that returned it, that is 上报. */
    public void dispatch(long id, Long version, long unit, Set<Long> coUnits, String note) {
        transitions.run(id, version, s -> s.aCase().dispatchTo(unit, coUnits == null ? Set.of() : coUnits,
                isAbove(unit, s.aCase().mainUnit()), s.due(CaseStage.ACCEPT), s.actor(), s.now(), note));
    }

    private boolean isAbove(long unit, Long returningUnit) {
        return returningUnit != null
                && organisation.supervisorOf(returningUnit).map(HandlingUnit::id).filter(id -> id == unit).isPresent();
    }

    public void accept(long id, Long version) {
        transitions.run(id, version, s -> s.aCase().accept(s.due(CaseStage.HANDLE), s.actor(), s.now()));
    }

    public void returnCase(long id, Long version, String reason) {
        transitions.run(id, version, s -> s.aCase().returnWith(reason, s.due(CaseStage.DISPATCH), s.actor(), s.now()));
    }

    public void reportResult(long id, Long version, String result) {
        reportResult(id, version, result, List.of());
    }

    /** 处置反馈 with photos of the result (“report the result with photos”); a bad photo refuses the whole step. */
    public void reportResult(long id, Long version, String result, List<NewAttachment> photos) {
        CaseFiles.Checked checked = files.check(photos);
        transitions.run(id, version, s -> s.aCase().reportResult(result, s.due(CaseStage.VERIFY), s.actor(), s.now()),
                s -> files.attach(id, AttachmentStage.RESULT, CaseAction.REPORT_RESULT, checked, s));
    }

    public void verify(long id, Long version, boolean passed, String note) {
        verify(id, version, passed, note, List.of());
    }

    /** 核查 with photos taken on site; a bad photo refuses the whole step. */
    public void verify(long id, Long version, boolean passed, String note, List<NewAttachment> photos) {
        CaseFiles.Checked checked = files.check(photos);
        transitions.run(id, version, s -> s.aCase().verify(passed, note, s.due(CaseStage.HANDLE), s.actor(), s.now()),
                s -> files.attach(id, AttachmentStage.VERIFICATION, passed ? CaseAction.VERIFY_PASS : CaseAction.VERIFY_FAIL, checked, s));
    }

    public void returnVisit(long id, Long version, Satisfaction answer, boolean reopen, String note) {
        transitions.run(id, version, s -> s.aCase().returnVisit(answer, reopen, note, s.due(CaseStage.DISPATCH), s.actor(), s.now()));
    }

    /**
     * The reporter says the matter is not fixed after it was closed: reopened and sent back to the unit that handled
     * it last (see {@code Case.reopenToLastHandler}); {@code reason} is what the reporter said.
     */
    public void reopenToLastHandler(long id, Long version, String reason) {
        transitions.run(id, version, s -> s.aCase().reopenToLastHandler(reason, s.due(CaseStage.ACCEPT), s.actor(), s.now()));
    }

    public void requestExtension(long id, Long version, Instant until, String reason) {
        transitions.run(id, version, s -> s.aCase().requestExtension(until, reason, s.actor(), s.now()));
    }

    public void decideExtension(long id, Long version, boolean approve, String note) {
        transitions.run(id, version, s -> s.aCase().decideExtension(approve, note, s.actor(), s.now()));
    }

    public void suspend(long id, Long version, String reason) {
        transitions.run(id, version, s -> s.aCase().suspend(reason, s.actor(), s.now()));
    }

    public void resume(long id, Long version) {
        transitions.run(id, version, s -> s.aCase().resume(s.due(Transitions.stageAfterResume(s.aCase())), s.actor(), s.now()));
    }

    public void voidCase(long id, Long version, String reason) {
        transitions.run(id, version, s -> s.aCase().voidWith(reason, s.actor(), s.now()));
    }

    public void mergeInto(long id, Long version, long targetId) {
        transitions.run(id, version, s -> s.aCase().mergeInto(transitions.other(targetId), s.actor(), s.now()));
    }

    public void supervise(long id, Long version, String instructions) {
        transitions.run(id, version, s -> s.aCase().supervise(instructions, s.actor(), s.now()));
    }
}
