package cn.linli.casework;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.linli.casework.internal.CaseFiles;

/**
 * The photos and files of cases. Like cases themselves, they exist only for users who may see their case. Files come
 * with a step ({@link CaseWork#receive(NewCase, List)}, {@link CaseWork#reportResult(long, Long, String, List)},
 * {@link CaseWork#verify(long, Long, boolean, String, List)}), or are added to the intake afterwards.
 */
@Service
public class CaseAttachments {

    private final CaseFiles files;

    CaseAttachments(CaseFiles files) {
        this.files = files;
    }

    /** The case's attachments in upload order; empty when the user may not see the case. */
    public Optional<List<CaseAttachment>> of(long caseId) {
        return files.ofCase(caseId);
    }

    public Optional<AttachmentContent> content(long caseId, long attachmentId) {
        return files.content(caseId, attachmentId);
    }

    /**
     * Adds photos or files the caller sent after the intake (by the intake staff of the case's place).
     *
     * @throws CaseRuleException when a file is refused (nothing is stored), the user may not add, or the case is unknown
     */
    public List<CaseAttachment> addToIntake(long caseId, List<NewAttachment> attachments) {
        return files.addToIntake(caseId, attachments);
    }
}
