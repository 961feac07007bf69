package cn.linli.casework.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.linli.casework.AttachmentContent;
import cn.linli.casework.AttachmentStage;
import cn.linli.casework.CaseAction;
import cn.linli.casework.CaseAttachment;

/** Stores the photos and files of cases in {@code casework_attachment}; lists are read without the bytes. */
@Repository
class Attachments {

    private static final String COLUMNS = "id, case_id, stage, history_id, kind, file_name, content_type, size_bytes, sha256, "
            + "uploaded_by, uploaded_at";

    private final JdbcClient jdbc;

    Attachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the files of one step, linked to the latest history line of {@code action} (the step just written). */
    void insert(long caseId, AttachmentStage stage, CaseAction action, List<AttachmentChecks.Checked> files, String by, Instant at) {
        Long historyId = jdbc.sql("select max(id) from casework_case_history where case_id = :case and action = :action")
                .param("case", caseId).param("action", action.name()).query(Long.class).optional().orElse(null);
        for (AttachmentChecks.Checked f : files) {
            jdbc.sql("""
                    insert into casework_attachment (case_id, stage, history_id, kind, file_name, content_type, size_bytes,
                        sha256, content, uploaded_by, uploaded_at)
                    values (:case, :stage, :history, :kind, :name, :type, :size, :sha, :content, :by, :at)""")
                    .param("case", caseId).param("stage", stage.name()).param("history", historyId)
                    .param("kind", f.type().photo ? "PHOTO" : "DOCUMENT").param("name", f.name())
                    .param("type", f.type().contentType).param("size", f.file().size()).param("sha", f.sha256())
                    .param("content", f.file().content()).param("by", by).param("at", Cases.utc(at))
                    .update();
        }
    }

    List<CaseAttachment> ofCase(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from casework_attachment where case_id = :case order by id")
                .param("case", caseId).query(Attachments::read).list();
    }

    Optional<AttachmentContent> content(long caseId, long attachmentId) {
        return jdbc.sql("select " + COLUMNS + ", content from casework_attachment where id = :id and case_id = :case")
                .param("id", attachmentId).param("case", caseId)
                .query((rs, n) -> new AttachmentContent(read(rs, n), rs.getBytes("content"))).optional();
    }

    private static CaseAttachment read(ResultSet rs, int row) throws SQLException {
        return new CaseAttachment(rs.getLong("id"), rs.getLong("case_id"), AttachmentStage.valueOf(rs.getString("stage")),
                (Long) rs.getObject("history_id", Long.class), "PHOTO".equals(rs.getString("kind")), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
                Cases.instant(rs, "uploaded_at"));
    }
}
