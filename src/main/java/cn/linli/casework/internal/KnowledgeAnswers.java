package cn.linli.casework.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which knowledge-base entry (and version) a case was answered from at the desk. */
@Component
public class KnowledgeAnswers {

    /** The entry a case was answered from. */
    public record Answer(long entryId, int entryVersion, String answeredBy, Instant answeredAt) {
    }

    private final JdbcClient jdbc;

    KnowledgeAnswers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long caseId, long entryId, int entryVersion, String actor, Instant at) {
        jdbc.sql("insert into casework_knowledge_answer (case_id, entry_id, entry_version, answered_by, answered_at)"
                        + " values (:caseId, :entryId, :version, :by, :at)")
                .param("caseId", caseId).param("entryId", entryId).param("version", entryVersion).param("by", actor)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
    }

    public Optional<Answer> of(long caseId) {
        return jdbc.sql("select entry_id, entry_version, answered_by, answered_at from casework_knowledge_answer where case_id = :id")
                .param("id", caseId)
                .query((rs, row) -> new Answer(rs.getLong("entry_id"), rs.getInt("entry_version"), rs.getString("answered_by"),
                        rs.getObject("answered_at", OffsetDateTime.class).toInstant()))
                .optional();
    }
}
