package cn.linli.casework.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.casework.AttachmentContent;
import cn.linli.casework.AttachmentStage;
import cn.linli.casework.CaseAction;
import cn.linli.casework.CaseAttachment;
import cn.linli.casework.CaseRuleException;
import cn.linli.casework.NewAttachment;

/**
 * The photos and files of cases: checked as a whole before a step writes anything, stored in the step's own
 * transaction (so a refused step leaves no file behind), and read only by users who may see the case; for everyone
 * else they do not exist, like the case.
 */
@Component
public class CaseFiles {

    /** Files that passed {@link AttachmentChecks}, ready to store with their step. */
    public static final class Checked {
        private final List<AttachmentChecks.Checked> files;

        private Checked(List<AttachmentChecks.Checked> files) {
            this.files = files;
        }

        public boolean isEmpty() {
            return files.isEmpty();
        }
    }

    private final AttachmentChecks checks;
    private final Attachments attachments;
    private final Cases cases;
    private final CaseActors actors;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CaseFiles(AttachmentChecks checks, Attachments attachments, Cases cases, CaseActors actors, TransactionTemplate transactions,
            Clock clock) {
        this.checks = checks;
        this.attachments = attachments;
        this.cases = cases;
        this.actors = actors;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Checked check(List<NewAttachment> files) {
        return new Checked(checks.check(files));
    }

    /** Stores checked files with the step just written; call inside that step's transaction. */
    public void attach(long caseId, AttachmentStage stage, CaseAction action, Checked files, Transitions.Step step) {
        if (files.isEmpty()) return;
        attachments.insert(caseId, stage, action, files.files, step.actor().username(), step.now());
    }

    void attachAtIntake(long caseId, Checked files, String by, java.time.Instant at) {
        if (!files.isEmpty()) attachments.insert(caseId, AttachmentStage.INTAKE, CaseAction.RECEIVE, files.files, by, at);
    }

    /** Adds photos or files to the intake of a case later (the caller sends them after the call): intake staff of its place. */
    public List<CaseAttachment> addToIntake(long caseId, List<NewAttachment> files) {
        Checked checked = check(files);
        if (checked.isEmpty()) throw CaseRuleException.invalid(AttachmentChecks.FIELD, "attachment.error.none");
        return transactions.execute(status -> {
            var where = cases.whereabouts(caseId).orElseThrow(() -> Transitions.notFound(caseId));
            CaseActor actor = actors.current(where.place());
            if (!actors.maySee(actor, where.units())) throw Transitions.notFound(caseId);
            if (!actor.mayTakeIn()) throw CaseRuleException.forbidden("attachment.error.not-allowed");
            attachments.insert(caseId, AttachmentStage.INTAKE, CaseAction.RECEIVE, checked.files, actor.username(), clock.instant());
            return attachments.ofCase(caseId);
        });
    }

    public Optional<List<CaseAttachment>> ofCase(long caseId) {
        if (!visible(caseId)) return Optional.empty();
        return Optional.of(attachments.ofCase(caseId));
    }

    public Optional<AttachmentContent> content(long caseId, long attachmentId) {
        if (!visible(caseId)) return Optional.empty();
        return attachments.content(caseId, attachmentId);
    }

    private boolean visible(long caseId) {
        var where = cases.whereabouts(caseId);
        return where.isPresent() && actors.maySee(actors.current(where.get().place()), where.get().units());
    }
}
