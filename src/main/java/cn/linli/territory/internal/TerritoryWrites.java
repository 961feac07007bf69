package cn.linli.territory.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.linli.shared.DivisionLevel;

/**
 * The rows a working copy writes, held back and sent in JDBC batches by table. The order of {@link #flush()}
 * keeps every constraint: units before the versions that name them, open versions closed before their
 * successors are inserted (one open version per unit), links last. A version that is written and changed again
 * within the same batch is changed here, before it ever reaches the database.
 */
final class TerritoryWrites {

    private static final int BATCH = 500;

    private record PendingUnit(long id, DivisionLevel level, LocalDate createdOn, LocalDate endedOn) {
    }

    private record Link(long operationId, long unitId, String role) {
    }

    private record VersionKey(long unitId, LocalDate validFrom) {
    }

    private final JdbcTemplate jdbc;
    private final Map<Long, PendingUnit> units = new LinkedHashMap<>();
    private final List<Object[]> closes = new ArrayList<>();
    private final List<DivisionVersion> replaces = new ArrayList<>();
    private final Map<VersionKey, DivisionVersion> versions = new LinkedHashMap<>();
    private final List<Object[]> ends = new ArrayList<>();
    private final Set<Link> links = new LinkedHashSet<>();

    TerritoryWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insertUnit(long id, DivisionLevel level, LocalDate createdOn) {
        units.put(id, new PendingUnit(id, level, createdOn, null));
    }

    void insertVersion(DivisionVersion version) {
        versions.put(new VersionKey(version.unitId(), version.validFrom()), version);
    }

    /** Replaces the open version that started the same day (two changes of one day make one version). */
    void replaceOpenVersion(DivisionVersion version) {
        var key = new VersionKey(version.unitId(), version.validFrom());
        if (versions.containsKey(key)) versions.put(key, version);
        else replaces.add(version);
    }

    void closeOpenVersion(DivisionVersion open, LocalDate on) {
        var key = new VersionKey(open.unitId(), open.validFrom());
        DivisionVersion pending = versions.get(key);
        if (pending != null) versions.put(key, pending.closedOn(on));
        else closes.add(new Object[] {on, open.unitId()});
    }

    void endUnit(long unitId, LocalDate on) {
        PendingUnit pending = units.get(unitId);
        if (pending != null) units.put(unitId, new PendingUnit(unitId, pending.level(), pending.createdOn(), on));
        else ends.add(new Object[] {on, unitId});
    }

    void link(long operationId, long unitId, String role) {
        links.add(new Link(operationId, unitId, role));
    }

    void flush() {
        jdbc.batchUpdate("insert into territory_unit (id, level, created_on, ended_on) values (?, ?, ?, ?)", List.copyOf(units.values()), BATCH,
                (ps, u) -> {
                    ps.setLong(1, u.id());
                    ps.setString(2, u.level().name());
                    ps.setObject(3, u.createdOn());
                    ps.setObject(4, u.endedOn());
                });
        jdbc.batchUpdate("update territory_unit_version set valid_to = ? where unit_id = ? and valid_to is null", closes);
        jdbc.batchUpdate("""
                update territory_unit_version set code = ?, name = ?, type = ?, urban_rural = ?, parent_id = ?
                where unit_id = ? and valid_to is null and valid_from = ?""", replaces, BATCH, (ps, v) -> {
                    ps.setString(1, v.code().value());
                    ps.setString(2, v.name());
                    ps.setString(3, v.type().name());
                    ps.setString(4, v.urbanRural());
                    ps.setObject(5, v.parentId());
                    ps.setLong(6, v.unitId());
                    ps.setObject(7, v.validFrom());
                });
        jdbc.batchUpdate("""
                insert into territory_unit_version (unit_id, valid_from, valid_to, code, name, type, urban_rural, parent_id, operation_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", List.copyOf(versions.values()), BATCH, (ps, v) -> {
                    ps.setLong(1, v.unitId());
                    ps.setObject(2, v.validFrom());
                    ps.setObject(3, v.validTo());
                    ps.setString(4, v.code().value());
                    ps.setString(5, v.name());
                    ps.setString(6, v.type().name());
                    ps.setString(7, v.urbanRural());
                    ps.setObject(8, v.parentId());
                    ps.setLong(9, v.operationId());
                });
        jdbc.batchUpdate("update territory_unit set ended_on = ? where id = ?", ends);
        jdbc.batchUpdate("update territory_boundary set valid_to = ? where unit_id = ? and valid_to is null", ends);
        jdbc.batchUpdate("""
                insert into territory_operation_unit (operation_id, unit_id, role)
                select ?, ?, ? where not exists (select 1 from territory_operation_unit where operation_id = ? and unit_id = ? and role = ?)""",
                List.copyOf(links), BATCH, (ps, l) -> {
                    ps.setLong(1, l.operationId());
                    ps.setLong(2, l.unitId());
                    ps.setString(3, l.role());
                    ps.setLong(4, l.operationId());
                    ps.setLong(5, l.unitId());
                    ps.setString(6, l.role());
                });
        units.clear();
        closes.clear();
        replaces.clear();
        versions.clear();
        ends.clear();
        links.clear();
    }
}
