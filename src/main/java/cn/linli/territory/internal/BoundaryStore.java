package cn.linli.territory.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Collection;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Boundaries as WKB (WGS84 lng/lat, SRID 4326) with validity periods; a new boundary closes the previous one. */
@Repository
public class BoundaryStore {

    public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    BoundaryStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public record StoredBoundary(long unitId, LocalDate validFrom, LocalDate validTo, Geometry geometry, boolean synthetic) {

        public boolean validOn(LocalDate date) {
            return !validFrom.isAfter(date) && (validTo == null || validTo.isAfter(date));
        }
    }

    public record NewBoundary(long unitId, Geometry geometry) {
    }

    /** Saves boundaries in one batch, closing each unit's open boundary on the same date. */
    public void save(List<NewBoundary> boundaries, LocalDate validFrom, boolean synthetic, long operationId) {
        var writer = new WKBWriter(2);
        template.batchUpdate("update territory_boundary set valid_to = ? where unit_id = ? and valid_to is null and valid_from < ?",
                boundaries, 500, (ps, b) -> {
                    ps.setObject(1, validFrom);
                    ps.setLong(2, b.unitId());
                    ps.setObject(3, validFrom);
                });
        template.batchUpdate("delete from territory_boundary where unit_id = ? and valid_to is null and valid_from = ?",
                boundaries, 500, (ps, b) -> {
                    ps.setLong(1, b.unitId());
                    ps.setObject(2, validFrom);
                });
        template.batchUpdate("""
                insert into territory_boundary (unit_id, valid_from, valid_to, geometry, synthetic, operation_id)
                values (?, ?, null, ?, ?, ?)""", boundaries, 500, (ps, b) -> {
                    ps.setLong(1, b.unitId());
                    ps.setObject(2, validFrom);
                    ps.setBytes(3, writer.write(b.geometry()));
                    ps.setBoolean(4, synthetic);
                    ps.setLong(5, operationId);
                });
    }

    /** Units among these whose latest stored boundary takes effect after the date, with that boundary's first day. */
    public Map<Long, LocalDate> laterThan(Collection<Long> unitIds, LocalDate date) {
        Map<Long, LocalDate> later = new HashMap<>();
        if (unitIds.isEmpty()) return later;
        jdbc.sql("select unit_id, max(valid_from) from territory_boundary where unit_id in (:ids) and valid_from > :date group by unit_id")
                .param("ids", unitIds).param("date", date)
                .query((rs, n) -> later.put(rs.getLong(1), rs.getObject(2, LocalDate.class))).list();
        return later;
    }

    public List<StoredBoundary> loadAll() {
        var reader = new WKBReader(WGS84);
        return jdbc.sql("select unit_id, valid_from, valid_to, geometry, synthetic from territory_boundary")
                .query((rs, n) -> new StoredBoundary(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), read(reader, rs.getBytes(4)), rs.getBoolean(5)))
                .list();
    }

    public boolean isEmpty() {
        return jdbc.sql("select count(*) from territory_boundary").query(Long.class).single() == 0;
    }

    private static Geometry read(WKBReader reader, byte[] wkb) {
        try {
            Geometry geometry = reader.read(wkb);
            geometry.setSRID(4326);
            return geometry;
        } catch (ParseException e) {
            throw new IllegalStateException("stored boundary is not valid WKB", e);
        }
    }
}
