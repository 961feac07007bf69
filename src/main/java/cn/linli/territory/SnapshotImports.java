package cn.linli.territory;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

import cn.linli.shared.DivisionLevel;
import cn.linli.territory.internal.SnapshotApplication;
import cn.linli.territory.internal.TerritoryState;
import cn.linli.territory.internal.TerritoryTransactions;
import cn.linli.territory.internal.snapshot.CurrentUnit;
import cn.linli.territory.internal.snapshot.ReviewerPairing;
import cn.linli.territory.internal.snapshot.SnapshotComparison;
import cn.linli.territory.internal.snapshot.SnapshotDiff;
import cn.linli.territory.internal.snapshot.SnapshotFile;
import cn.linli.territory.internal.snapshot.SnapshotProblem;
import cn.linli.territory.internal.snapshot.SnapshotReading;
import cn.linli.territory.internal.snapshot.SnapshotRow;

/**
 * Official code lists as dated snapshots: an uploaded list is validated as a whole and kept; comparing it with
 * the territory on its date proposes the operations for review; applying them (with the reviewer's pairings) is
 * one transaction recorded as one operation.
 */
@Service
public class SnapshotImports {

    private final TerritoryState state;
    private final TerritoryTransactions transactions;
    private final JdbcClient jdbc;

    SnapshotImports(TerritoryState state, TerritoryTransactions transactions, JdbcClient jdbc) {
        this.state = state;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** A file that failed validation: every bad row with its line, field and reason. */
    public static class SnapshotRejectedException extends TerritoryException {
        private final transient List<SnapshotProblem> problems;

        SnapshotRejectedException(List<SnapshotProblem> problems) {
            super("file", "territory.error.snapshot-rejected", problems.size());
            this.problems = problems;
        }

        public List<SnapshotProblem> problems() {
            return problems;
        }
    }

    public record Preview(long importId, LocalDate asOf, String fileName, SnapshotDiff diff, boolean applied) {
    }

    /** An uploaded list as the list of uploads shows it. */
    public record UploadedList(long id, LocalDate asOf, String fileName, java.time.Instant uploadedAt, String uploadedBy,
            Long appliedOperationId) {
    }

    /** The latest uploads, newest first. */
    public List<UploadedList> recent(int limit) {
        return jdbc.sql("""
                select id, as_of, file_name, uploaded_at, uploaded_by, applied_operation_id
                from territory_snapshot_import order by id desc limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> new UploadedList(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), (Long) rs.getObject(6, Long.class)))
                .list();
    }

    public Preview upload(String fileName, byte[] content, LocalDate asOf, String uploadedBy) {
        if (asOf == null) throw new TerritoryException("date", "territory.error.date-required");
        List<SnapshotRow> rows = read(content);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into territory_snapshot_import (as_of, file_name, content, uploaded_at, uploaded_by)
                values (?, ?, ?, ?, ?)""")
                .params(asOf, fileName == null ? "upload.csv" : fileName, content, OffsetDateTime.now(ZoneOffset.UTC), uploadedBy)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        return new Preview(id, asOf, fileName, compare(rows, asOf, List.of()), false);
    }

    public Preview preview(long importId, List<ReviewerPairing> pairings) {
        StoredImport stored = stored(importId);
        return new Preview(importId, stored.asOf(), stored.fileName(), compare(read(stored.content()), stored.asOf(), pairings),
                stored.appliedOperationId() != null);
    }

    /** Applies the stored list with the reviewer's pairings; returns the id of the recorded operation. */
    public long apply(long importId, List<ReviewerPairing> pairings, String note) {
        StoredImport stored = stored(importId);
        if (stored.appliedOperationId() != null) throw new TerritoryException("importId", "territory.error.snapshot-applied");
        List<SnapshotRow> rows = read(stored.content());
        long operationId = applyRows(rows, stored.asOf(), pairings, note);
        jdbc.sql("update territory_snapshot_import set applied_operation_id = ? where id = ?").params(operationId, importId).update();
        return operationId;
    }

    /** Compares and applies rows in one step (the demo city, which has no reviewer). */
    public long applyRows(List<SnapshotRow> rows, LocalDate asOf, List<ReviewerPairing> pairings, String note) {
        return transactions.run(ReorganisationKind.SNAPSHOT, asOf, note, op -> {
            SnapshotDiff diff = SnapshotComparison.compare(currentUnits(asOf), rows, pairings);
            new SnapshotApplication(op.territory(), asOf, op.id()).apply(diff);
            return op.id();
        });
    }

    public static List<SnapshotRow> read(byte[] content) {
        SnapshotReading reading = SnapshotFile.read(new ByteArrayInputStream(content));
        if (reading instanceof SnapshotReading.Rejected rejected) throw new SnapshotRejectedException(rejected.problems());
        return ((SnapshotReading.Accepted) reading).rows();
    }

    private SnapshotDiff compare(List<SnapshotRow> rows, LocalDate asOf, List<ReviewerPairing> pairings) {
        return SnapshotComparison.compare(currentUnits(asOf), rows, pairings);
    }

    private List<CurrentUnit> currentUnits(LocalDate asOf) {
        if (state.history().isEmpty()) return List.of();
        state.history().firstDate().filter(asOf::isBefore).ifPresent(first -> {
            throw new TerritoryException("date", "territory.error.date-before-history", asOf, first);
        });
        return state.asOf(asOf).all().stream().filter(d -> d.level() != DivisionLevel.GRID)
                .map(d -> new CurrentUnit(d.id(), d.level(), d.code(), d.name(), d.parentId(), d.urbanRural())).toList();
    }

    private record StoredImport(LocalDate asOf, String fileName, byte[] content, Long appliedOperationId) {
    }

    private StoredImport stored(long importId) {
        return jdbc.sql("select as_of, file_name, content, applied_operation_id from territory_snapshot_import where id = ?")
                .param(importId)
                .query((rs, n) -> new StoredImport(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getBytes(3),
                        (Long) rs.getObject(4, Long.class)))
                .optional().orElseThrow(() -> new TerritoryException("importId", "territory.error.snapshot-unknown", importId));
    }
}
