package cn.linli.casework.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.linli.casework.CaseAttachment;
import cn.linli.casework.CaseRuleException;
import cn.linli.casework.CaseState;
import cn.linli.casework.ModeratedCase;

/**
 * The rows behind staff moderation of the public view: redacted descriptions and hidden photos, read and written
 * only within the user's case scope (a case outside it does not exist for them).
 */
@Component
public class Moderation {

    private final JdbcClient jdbc;
    private final CaseScopes scopes;
    private final Attachments attachments;
    private final Clock clock;

    Moderation(JdbcClient jdbc, CaseScopes scopes, Attachments attachments, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.attachments = attachments;
        this.clock = clock;
    }

    /** Cases that came in through the given channel in the user's scope, newest first. */
    public List<ModeratedCase> byChannel(String channel, int limit) {
        CaseScope scope = scopes.current();
        List<ModeratedCase> rows = jdbc.sql("select c.id, c.number, c.category_code, c.state, c.received_at, c.description,"
                        + " pr.description as redacted from casework_case c"
                        + " left join casework_public_redaction pr on pr.case_id = c.id"
                        + " where c.channel = :channel and " + scope.condition() + " order by c.received_at desc, c.id desc limit :limit")
                .param("channel", channel).param("scope", scope.parameter()).param("limit", limit)
                .query((rs, n) -> new ModeratedCase(rs.getLong("id"), rs.getString("number"), rs.getString("category_code"),
                        CaseState.valueOf(rs.getString("state")), Cases.instant(rs, "received_at"), rs.getString("description"),
                        rs.getString("redacted"), List.of(), Set.of()))
                .list();
        if (rows.isEmpty()) return rows;
        Map<Long, Set<Long>> hidden = new HashMap<>();
        jdbc.sql("select case_id, attachment_id from casework_hidden_photo where case_id in (:ids)")
                .param("ids", rows.stream().map(ModeratedCase::id).toList())
                .query(rs -> {
                    hidden.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                });
        return rows.stream().map(r -> new ModeratedCase(r.id(), r.number(), r.categoryCode(), r.state(), r.receivedAt(), r.description(),
                r.redacted(), attachments.ofCase(r.id()).stream().filter(CaseAttachment::photo).toList(),
                hidden.getOrDefault(r.id(), Set.of()))).toList();
    }

    /** Replaces the public description ({@code text} null: shows the reporter's own again). */
    @Transactional
    public void redact(long caseId, String text, String by) {
        if (text != null && text.length() > CaseLimits.DESCRIPTION_MAX) {
            throw CaseRuleException.invalid("description", "case.error.too-long", CaseLimits.DESCRIPTION_MAX);
        }
        requireInScope(caseId);
        jdbc.sql("delete from casework_public_redaction where case_id = :case").param("case", caseId).update();
        if (text == null) return;
        jdbc.sql("insert into casework_public_redaction (case_id, description, redacted_by, redacted_at) values (:case, :text, :by, :at)")
                .param("case", caseId).param("text", text).param("by", by).param("at", Cases.utc(clock.instant())).update();
    }

    @Transactional
    public void hidePhoto(long caseId, long attachmentId, boolean hide, String by) {
        requireInScope(caseId);
        boolean photoOfCase = attachments.ofCase(caseId).stream().anyMatch(a -> a.id() == attachmentId && a.photo());
        if (!photoOfCase) throw CaseRuleException.invalid("photo", "moderation.error.photo-unknown", attachmentId);
        jdbc.sql("delete from casework_hidden_photo where attachment_id = :id").param("id", attachmentId).update();
        if (!hide) return;
        jdbc.sql("insert into casework_hidden_photo (attachment_id, case_id, hidden_by, hidden_at) values (:id, :case, :by, :at)")
                .param("id", attachmentId).param("case", caseId).param("by", by).param("at", Cases.utc(clock.instant())).update();
    }

    private void requireInScope(long caseId) {
        CaseScope scope = scopes.current();
        boolean found = !jdbc.sql("select c.id from casework_case c where c.id = :id and " + scope.condition())
                .param("id", caseId).param("scope", scope.parameter()).query(Long.class).list().isEmpty();
        if (!found) throw Transitions.notFound(caseId);
    }
}
