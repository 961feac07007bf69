package cn.linli.open311.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The clients' requests (linked to their cases) and the notes clients add to them. */
@Component
public class RequestStore {

    /** A filed request: its case, number and token. */
    public record Filed(long caseId, String caseNumber, String token) {
    }

    /** A note a client added to a request. */
    public record Note(long id, long caseId, String description, String mediaUrl, Instant at) {
    }

    private final JdbcClient jdbc;

    RequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Links a case to the client's request unless it is linked already (a retry). */
    public void insertIfNew(long clientId, long caseId, String caseNumber, String token, String bodyHash, String mediaUrl,
            String answers, String email, Instant at) {
        if (byCase(caseId).isPresent()) return;
        jdbc.sql("insert into open311_request (client_id, case_id, case_number, token, body_hash, media_url, answers, email,"
                        + " received_at) values (:client, :case, :number, :token, :hash, :media, :answers, :email, :at)")
                .param("client", clientId).param("case", caseId).param("number", caseNumber).param("token", token)
                .param("hash", bodyHash).param("media", mediaUrl).param("answers", answers).param("email", email)
                .param("at", utc(at)).update();
    }

    public Optional<Filed> byCase(long caseId) {
        return jdbc.sql("select case_id, case_number, token from open311_request where case_id = :id").param("id", caseId)
                .query((rs, n) -> new Filed(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    public Optional<Filed> byToken(String token) {
        return jdbc.sql("select case_id, case_number, token from open311_request where token = :token").param("token", token)
                .query((rs, n) -> new Filed(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** The client's latest request with the same body since {@code since}. */
    public Optional<Filed> sameBodySince(long clientId, String bodyHash, Instant since) {
        return jdbc.sql("select case_id, case_number, token from open311_request where client_id = :client and body_hash = :hash"
                        + " and received_at >= :since order by id desc")
                .param("client", clientId).param("hash", bodyHash).param("since", utc(since))
                .query((rs, n) -> new Filed(rs.getLong(1), rs.getString(2), rs.getString(3))).list().stream().findFirst();
    }

    /** The links to media of the given cases, by case id. */
    public Map<Long, String> mediaOf(List<Long> caseIds) {
        if (caseIds.isEmpty()) return Map.of();
        return jdbc.sql("select case_id, media_url from open311_request where case_id in (:ids) and media_url is not null")
                .param("ids", caseIds).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    /** Adds a client's note; a note with the same external id from the same client is the one returned again. */
    public long addNote(long clientId, long caseId, String description, String mediaUrl, String externalId, Instant at) {
        if (externalId != null) {
            Optional<Long> earlier = jdbc.sql("select id from open311_update where client_id = :client and external_id = :ext")
                    .param("client", clientId).param("ext", externalId).query(Long.class).optional();
            if (earlier.isPresent()) return earlier.get();
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into open311_update (client_id, case_id, description, media_url, external_id, at)"
                        + " values (:client, :case, :text, :media, :ext, :at)")
                .param("client", clientId).param("case", caseId).param("text", description).param("media", mediaUrl)
                .param("ext", externalId).param("at", utc(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<Note> notesOf(List<Long> caseIds) {
        if (caseIds.isEmpty()) return List.of();
        return jdbc.sql("select id, case_id, description, media_url, at from open311_update where case_id in (:ids) order by id")
                .param("ids", caseIds).query(RequestStore::note).list();
    }

    public List<Note> notesBetween(Instant from, Instant to, int limit) {
        return jdbc.sql("select id, case_id, description, media_url, at from open311_update where at >= :from and at < :to"
                        + " order by at, id limit :limit")
                .param("from", utc(from)).param("to", utc(to)).param("limit", limit).query(RequestStore::note).list();
    }

    private static Note note(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Note(rs.getLong("id"), rs.getLong("case_id"), rs.getString("description"), rs.getString("media_url"),
                rs.getObject("at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
