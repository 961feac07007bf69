package cn.linli.casework.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.linli.casework.AttachmentContent;
import cn.linli.casework.CaseAttachment;

/**
 * The photos of a case that may be shown in public: those of the report and of the result (verification photos are
 * the supervisors' evidence), never a document, never one that staff hid in moderation.
 */
@Component
public class PublicPhotos {

    private static final String PUBLIC = " a.case_id = :case and a.kind = 'PHOTO' and a.stage in ('INTAKE', 'RESULT')"
            + " and not exists (select 1 from casework_hidden_photo h where h.attachment_id = a.id)";

    private final JdbcClient jdbc;
    private final Attachments attachments;

    PublicPhotos(JdbcClient jdbc, Attachments attachments) {
        this.jdbc = jdbc;
        this.attachments = attachments;
    }

    public List<CaseAttachment> of(long caseId) {
        List<Long> ids = jdbc.sql("select a.id from casework_attachment a where" + PUBLIC + " order by a.id")
                .param("case", caseId).query(Long.class).list();
        return attachments.ofCase(caseId).stream().filter(a -> ids.contains(a.id())).toList();
    }

    public Optional<AttachmentContent> content(long caseId, long attachmentId) {
        boolean shown = !jdbc.sql("select a.id from casework_attachment a where a.id = :id and" + PUBLIC)
                .param("id", attachmentId).param("case", caseId).query(Long.class).list().isEmpty();
        return shown ? attachments.content(caseId, attachmentId) : Optional.empty();
    }
}
