package cn.linli.registry.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.linli.registry.ImportField;
import cn.linli.registry.ImportProblem;
import cn.linli.registry.ImportState;
import cn.linli.registry.ImportStatus;

/** The import jobs (registry_import), their files and their rejected rows. */
@Repository
public class ImportTable {

    /** Separates headings in one column; a unit separator never occurs in a heading people type. */
    private static final String SEPARATOR = "\u001f";
    /** The failure of a job whose instance died while it ran. */
    public static final String INTERRUPTED = "registry.import.failure.interrupted";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ImportTable(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public void insert(String id, String owner, String fileName, SheetFormat format, String charset, int headingRow,
            List<String> headings, byte[] content) {
        jdbc.sql("""
                insert into registry_import (id, owner, file_name, format, charset, heading_row, headings, status, created_at,
                    updated_at)
                values (:id, :owner, :file, :format, :charset, :headingRow, :headings, 'MAPPING', :now, :now)""")
                .param("headingRow", headingRow)
                .param("id", id).param("owner", owner).param("file", cut(fileName, 200)).param("format", format.name())
                .param("charset", charset).param("headings", cut(String.join(SEPARATOR, headings), 4000))
                .param("now", now()).update();
        jdbc.sql("insert into registry_import_file (import_id, content) values (?, ?)").params(id, content).update();
    }

    public Optional<ImportStatus> find(String id) {
        return jdbc.sql("select * from registry_import where id = ?").param(id).query(ImportTable::status).optional();
    }

    public List<ImportStatus> recent(String owner, int limit) {
        return jdbc.sql("select * from registry_import where owner = ? order by created_at desc limit ?")
                .params(owner, limit).query(ImportTable::status).list();
    }

    public byte[] content(String id) {
        return jdbc.sql("select content from registry_import_file where import_id = ?").param(id)
                .query((rs, n) -> rs.getBytes(1)).single();
    }

    /** Moves the job from one of the states to another; false when it was in none of them (someone else moved it). */
    public boolean transition(String id, ImportState to, ImportState... from) {
        return jdbc.sql("""
                update registry_import set status = :to, failure = null, updated_at = :now
                where id = :id and status in (:from)""")
                .param("to", to.name()).param("now", now()).param("id", id)
                .param("from", Arrays.stream(from).map(Enum::name).toList()).update() == 1;
    }

    public void startValidation(String id, Map<ImportField, Integer> mapping) {
        jdbc.sql("""
                update registry_import set mapping = :mapping, total_rows = 0, processed_rows = 0, rejected_rows = 0,
                    failure = null, updated_at = :now where id = :id""")
                .param("mapping", mapping.entrySet().stream().map(e -> e.getKey().name() + "=" + e.getValue())
                        .collect(Collectors.joining(";")))
                .param("now", now()).param("id", id).update();
        jdbc.sql("delete from registry_import_problem where import_id = ?").param(id).update();
    }

    public void progress(String id, int processed, int total) {
        jdbc.sql("update registry_import set processed_rows = ?, total_rows = ?, updated_at = ? where id = ?")
                .params(processed, total, now(), id).update();
    }

    /** Marks the job validated unless the sweep declared it interrupted meanwhile. */
    public boolean validated(String id, int total, int rejected) {
        return jdbc.sql("""
                update registry_import set status = 'VALIDATED', total_rows = ?, processed_rows = ?, rejected_rows = ?,
                    updated_at = ? where id = ? and status = 'VALIDATING'""").params(total, total, rejected, now(), id).update() == 1;
    }

    /** Marks the job imported; false when the sweep declared it interrupted meanwhile (the caller then rolls back). */
    public boolean imported(String id, int imported) {
        return jdbc.sql("""
                update registry_import set status = 'IMPORTED', imported_rows = ?, failure = null, updated_at = ?
                where id = ? and status = 'IMPORTING'""")
                .params(imported, now(), id).update() == 1;
    }

    /** The jobs this instance is working on are alive: their heartbeat is now. */
    public void heartbeat(Collection<String> ids) {
        if (ids.isEmpty()) return;
        jdbc.sql("update registry_import set heartbeat_at = :now where id in (:ids) and status in ('VALIDATING', 'IMPORTING')")
                .param("now", now()).param("ids", List.copyOf(ids)).update();
    }

    /**
     * Jobs running with no heartbeat since {@code before}: their instance died. An import goes to FAILED (its
     * transaction died with the instance, nothing was written; it may be committed again), a validation back to
     * MAPPING (to be started again); both say why. The number of jobs.
     */
    public int interruptStale(Instant before) {
        OffsetDateTime stale = OffsetDateTime.ofInstant(before, ZoneOffset.UTC);
        int validations = jdbc.sql("""
                update registry_import set status = 'MAPPING', failure = :failure, updated_at = :now
                where status = 'VALIDATING' and coalesce(heartbeat_at, updated_at) < :stale""")
                .param("failure", INTERRUPTED).param("now", now()).param("stale", stale).update();
        int imports = jdbc.sql("""
                update registry_import set status = 'FAILED', failure = :failure, updated_at = :now
                where status = 'IMPORTING' and coalesce(heartbeat_at, updated_at) < :stale""")
                .param("failure", INTERRUPTED).param("now", now()).param("stale", stale).update();
        return validations + imports;
    }

    public void failed(String id, ImportState state, String failure) {
        jdbc.sql("update registry_import set status = ?, failure = ?, updated_at = ? where id = ?")
                .params(state.name(), cut(failure, 100), now(), id).update();
    }

    public void problems(String id, List<ImportProblem> problems) {
        if (problems.isEmpty()) return;
        batch.batchUpdate("insert into registry_import_problem (import_id, row_no, field, code, argument) values (?, ?, ?, ?, ?)",
                problems.stream().map(p -> new Object[] {id, p.row(), p.field().name(), p.code(), p.argument()}).toList());
    }

    public List<ImportProblem> problems(String id, int limit) {
        return jdbc.sql("select * from registry_import_problem where import_id = ? order by row_no limit ?")
                .params(id, limit).query((rs, n) -> new ImportProblem(rs.getInt("row_no"),
                        ImportField.valueOf(rs.getString("field")), rs.getString("code"), rs.getString("argument"))).list();
    }

    private static ImportStatus status(ResultSet rs, int n) throws SQLException {
        Map<ImportField, Integer> mapping = new EnumMap<>(ImportField.class);
        String stored = rs.getString("mapping");
        if (stored != null && !stored.isEmpty()) {
            for (String pair : stored.split(";")) {
                String[] kv = pair.split("=");
                mapping.put(ImportField.valueOf(kv[0]), Integer.valueOf(kv[1]));
            }
        }
        return new ImportStatus(rs.getString("id"), rs.getString("owner"), rs.getString("file_name"), rs.getString("format"),
                rs.getString("charset"), List.of(rs.getString("headings").split(SEPARATOR, -1)), mapping,
                ImportState.valueOf(rs.getString("status")), rs.getInt("total_rows"), rs.getInt("processed_rows"),
                rs.getInt("rejected_rows"), rs.getInt("imported_rows"), rs.getString("failure"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("heading_row"));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
