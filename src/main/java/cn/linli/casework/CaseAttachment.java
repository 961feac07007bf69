package cn.linli.casework;

import java.time.Instant;

/**
 * A stored photo or file of a case, without its bytes: the step and history line it belongs to, the type read from
 * its content, its size and SHA-256 (for checking a copy), who uploaded it and when.
 */
public record CaseAttachment(long id, long caseId, AttachmentStage stage, Long historyId, boolean photo, String fileName,
        String contentType, long size, String sha256, String uploadedBy, Instant uploadedAt) {

    /** Browsers draw these inline; HEIC photos and PDF documents are offered as links. */
    public boolean thumbnail() {
        return photo && !contentType.equals("image/heic");
    }
}
