package cn.linli.territory.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.ReorganisationKind;
import cn.linli.territory.UnitType;

/** The territory tables: units, their versions and the operations that made them. */
@Repository
public class DivisionStore {

    private static final int UNIT_ID_BLOCK = 50;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private long nextId;
    private long blockEnd;

    DivisionStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public List<DivisionVersion> loadAll() {
        return jdbc.sql("""
                select v.unit_id, u.level, v.valid_from, v.valid_to, v.code, v.name, v.type, v.urban_rural, v.parent_id, v.operation_id
                from territory_unit_version v join territory_unit u on u.id = v.unit_id""")
                .query(DivisionStore::version).list();
    }

    long insertOperation(ReorganisationKind kind, LocalDate effectiveOn, String note, String actor) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into territory_operation (kind, effective_on, note, recorded_at, recorded_by) values (?, ?, ?, ?, ?)")
                .params(kind.name(), effectiveOn, note, OffsetDateTime.now(ZoneOffset.UTC), actor)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Ids come from a sequence that steps by 50: one round trip hands out fifty. */
    synchronized long nextUnitId() {
        if (nextId == blockEnd) {
            nextId = jdbc.sql("select nextval('territory_unit_seq')").query(Long.class).single();
            blockEnd = nextId + UNIT_ID_BLOCK;
        }
        return nextId++;
    }

    TerritoryWrites writes() {
        return new TerritoryWrites(template);
    }

    public List<OperationRecord> operationsOf(long unitId) {
        return jdbc.sql("""
                select o.id, o.kind, o.effective_on, o.note, o.recorded_at, o.recorded_by, ou.role
                from territory_operation o join territory_operation_unit ou on ou.operation_id = o.id
                where ou.unit_id = ? order by o.effective_on, o.id""")
                .param(unitId)
                .query((rs, n) -> new OperationRecord(rs.getLong(1), ReorganisationKind.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(),
                        rs.getString(6), rs.getString(7)))
                .list();
    }

    public record OperationRecord(long id, ReorganisationKind kind, LocalDate effectiveOn, String note, Instant recordedAt,
            String recordedBy, String role) {
    }

    private static DivisionVersion version(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong(9);
        Long parentId = rs.wasNull() ? null : parent;
        Date validTo = rs.getDate(4);
        return new DivisionVersion(rs.getLong(1), DivisionLevel.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate(),
                validTo == null ? null : validTo.toLocalDate(), new DivisionCode(rs.getString(5)), rs.getString(6),
                UnitType.valueOf(rs.getString(7)), rs.getString(8), parentId, rs.getLong(10));
    }
}
