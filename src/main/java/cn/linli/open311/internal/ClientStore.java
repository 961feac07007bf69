package cn.linli.open311.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import cn.linli.open311.Open311Client;

/** The client applications and their per-minute write counters. */
@Component
public class ClientStore {

    private static final String COLUMNS = "id, name, key_prefix, per_minute, created_by, created_at, revoked_by, revoked_at";

    private final JdbcClient jdbc;

    ClientStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String name, String keyHash, String keyPrefix, int perMinute, String actor) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into open311_client (name, key_hash, key_prefix, per_minute, created_by, created_at)"
                        + " values (:name, :hash, :prefix, :rate, :by, :at)")
                .param("name", name).param("hash", keyHash).param("prefix", keyPrefix).param("rate", perMinute)
                .param("by", actor).param("at", now()).update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<Open311Client> all() {
        return jdbc.sql("select " + COLUMNS + " from open311_client order by id").query(ClientStore::client).list();
    }

    public Optional<Open311Client> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from open311_client where id = :id").param("id", id)
                .query(ClientStore::client).optional();
    }

    public Optional<Open311Client> byKeyHash(String hash) {
        return jdbc.sql("select " + COLUMNS + " from open311_client where key_hash = :hash").param("hash", hash)
                .query(ClientStore::client).optional();
    }

    public boolean revoke(long id, String actor) {
        return jdbc.sql("update open311_client set revoked_by = :by, revoked_at = :at where id = :id and revoked_at is null")
                .param("by", actor).param("at", now()).param("id", id).update() > 0;
    }

    public boolean nameTaken(String name) {
        return jdbc.sql("select count(*) from open311_client where name = :name").param("name", name)
                .query(Long.class).single() > 0;
    }

    /** Counts one write in the client's current minute and returns the count, the new one included. */
    public int countWrite(long clientId, Instant windowStart) {
        OffsetDateTime window = OffsetDateTime.ofInstant(windowStart, ZoneOffset.UTC);
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = jdbc.sql("update open311_rate set requests = requests + 1 where client_id = :id and window_start = :w")
                    .param("id", clientId).param("w", window).update();
            if (updated == 0) {
                try {
                    jdbc.sql("insert into open311_rate (client_id, window_start, requests) values (:id, :w, 1)")
                            .param("id", clientId).param("w", window).update();
                } catch (DuplicateKeyException raced) {
                    // another instance opened the minute at the same moment: count in its row
                    continue;
                }
            }
            return jdbc.sql("select requests from open311_rate where client_id = :id and window_start = :w")
                    .param("id", clientId).param("w", window).query(Integer.class).single();
        }
        throw new IllegalStateException("could not count a write of client " + clientId);
    }

    /** The writes counted in the client's minute that starts at {@code windowStart} (0 if none). */
    public int writesIn(long clientId, Instant windowStart) {
        return jdbc.sql("select requests from open311_rate where client_id = :id and window_start = :w")
                .param("id", clientId).param("w", OffsetDateTime.ofInstant(windowStart, ZoneOffset.UTC))
                .query(Integer.class).optional().orElse(0);
    }

    /** Forgets the counters of minutes before {@code before}. */
    public void forgetWindows(Instant before) {
        jdbc.sql("delete from open311_rate where window_start < :before")
                .param("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).update();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static Open311Client client(ResultSet rs, int row) throws SQLException {
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        return new Open311Client(rs.getLong("id"), rs.getString("name"), rs.getString("key_prefix"), rs.getInt("per_minute"),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("revoked_by"), revoked == null ? null : revoked.toInstant());
    }
}
