package cn.linli.knowledge.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.linli.knowledge.EntryDraft;
import cn.linli.knowledge.KnowledgeEntry;

/**
 * The stored entries: the current version of each in {@code knowledge_entry}, every version (the current one too)
 * in {@code knowledge_entry_version}. A revision updates the current row only where its version is still the one
 * the editor saw, which is the optimistic lock.
 */
@Component
public class EntryStore {

    private static final String COLUMNS = "id, version, question, answer, category_codes, source_document, valid_from,"
            + " valid_to, owner_department, retired, changed_by, changed_at";

    private final JdbcClient jdbc;

    EntryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<KnowledgeEntry> find(long id) {
        return jdbc.sql("select " + COLUMNS + ", null as change_note from knowledge_entry where id = :id").param("id", id)
                .query(EntryStore::entry).optional();
    }

    public Optional<KnowledgeEntry> findByRequestKey(String key) {
        return jdbc.sql("select " + COLUMNS + ", null as change_note from knowledge_entry where request_key = :key")
                .param("key", key).query(EntryStore::entry).optional();
    }

    public List<KnowledgeEntry> all() {
        return jdbc.sql("select " + COLUMNS + ", null as change_note from knowledge_entry order by id")
                .query(EntryStore::entry).list();
    }

    /** Every version of the entry, newest first. */
    public List<KnowledgeEntry> history(long id) {
        return jdbc.sql("select entry_id as id, version, question, answer, category_codes, source_document, valid_from,"
                + " valid_to, owner_department, retired, changed_by, changed_at, change_note"
                + " from knowledge_entry_version where entry_id = :id order by version desc")
                .param("id", id).query(EntryStore::entry).list();
    }

    public long insert(EntryDraft draft, String actor, String requestKey) {
        OffsetDateTime now = now();
        Map<String, Object> values = values(draft, false, actor, now);
        values.put("key", requestKey);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into knowledge_entry (version, question, answer, category_codes, source_document, valid_from,"
                + " valid_to, owner_department, retired, changed_by, changed_at, request_key) values (1, :question,"
                + " :answer, :codes, :source, :validFrom, :validTo, :owner, :retired, :by, :at, :key)")
                .params(values).update(keys, "id");
        long id = keys.getKey().longValue();
        insertVersion(id, 1, values, draft.changeNote());
        return id;
    }

    /** Writes the next version; false when the entry is no longer at {@code expectedVersion}. */
    public boolean update(long id, int expectedVersion, EntryDraft draft, boolean retired, String actor) {
        Map<String, Object> values = values(draft, retired, actor, now());
        values.put("id", id);
        values.put("expected", expectedVersion);
        values.put("next", expectedVersion + 1);
        int updated = jdbc.sql("update knowledge_entry set version = :next, question = :question, answer = :answer,"
                + " category_codes = :codes, source_document = :source, valid_from = :validFrom, valid_to = :validTo,"
                + " owner_department = :owner, retired = :retired, changed_by = :by, changed_at = :at"
                + " where id = :id and version = :expected")
                .params(values).update();
        if (updated == 0) {
            return false;
        }
        insertVersion(id, expectedVersion + 1, values, draft.changeNote());
        return true;
    }

    public List<List<String>> synonyms() {
        return jdbc.sql("select words from knowledge_synonym order by id").query(String.class).list().stream()
                .map(words -> List.of(words.split(","))).toList();
    }

    public void replaceSynonyms(List<List<String>> groups, String actor) {
        jdbc.sql("delete from knowledge_synonym").update();
        OffsetDateTime now = now();
        for (List<String> group : groups) {
            jdbc.sql("insert into knowledge_synonym (words, changed_by, changed_at) values (:words, :by, :at)")
                    .param("words", String.join(",", group)).param("by", actor).param("at", now).update();
        }
    }

    public long count() {
        return jdbc.sql("select count(*) from knowledge_entry").query(Long.class).single();
    }

    private void insertVersion(long id, int version, Map<String, Object> values, String note) {
        Map<String, Object> row = new HashMap<>(values);
        row.put("id", id);
        row.put("version", version);
        row.put("note", note);
        jdbc.sql("insert into knowledge_entry_version (entry_id, version, question, answer, category_codes,"
                + " source_document, valid_from, valid_to, owner_department, retired, change_note, changed_by, changed_at)"
                + " values (:id, :version, :question, :answer, :codes, :source, :validFrom, :validTo, :owner, :retired,"
                + " :note, :by, :at)")
                .params(row).update();
    }

    private static Map<String, Object> values(EntryDraft draft, boolean retired, String actor, OffsetDateTime at) {
        Map<String, Object> values = new HashMap<>();
        values.put("question", draft.question());
        values.put("answer", draft.answer());
        values.put("codes", String.join(",", draft.categoryCodes()));
        values.put("source", draft.sourceDocument());
        values.put("validFrom", draft.validFrom());
        values.put("validTo", draft.validTo());
        values.put("owner", draft.ownerDepartment());
        values.put("retired", retired);
        values.put("by", actor);
        values.put("at", at);
        return values;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
    }

    private static KnowledgeEntry entry(ResultSet rs, int row) throws SQLException {
        String codes = rs.getString("category_codes");
        return new KnowledgeEntry(rs.getLong("id"), rs.getInt("version"), rs.getString("question"), rs.getString("answer"),
                codes.isEmpty() ? List.of() : Arrays.asList(codes.split(",")), rs.getString("source_document"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                rs.getString("owner_department"), rs.getBoolean("retired"), rs.getString("change_note"),
                rs.getString("changed_by"), rs.getObject("changed_at", OffsetDateTime.class).toInstant());
    }
}
