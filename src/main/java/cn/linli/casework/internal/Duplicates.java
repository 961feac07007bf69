package cn.linli.casework.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.linli.casework.CaseState;
import cn.linli.casework.CaseSummary;
import cn.linli.casework.DuplicateCase;
import cn.linli.shared.GeoPoint;

/**
 * Open cases of a category near a point and recent: a bounding box on lng/lat narrows the rows in SQL (portable to H2
 * and PostgreSQL without a spatial extension), the exact great-circle distance decides in Java.
 */
@Component
public class Duplicates {

    static final double EARTH_RADIUS_METRES = 6_371_008.8;
    private static final int MAX = 20;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final double distanceMetres;
    private final Duration period;

    Duplicates(JdbcClient jdbc, Clock clock, @Value("${linli.casework.duplicates.distance:100}") double distanceMetres,
            @Value("${linli.casework.duplicates.period:7d}") Duration period) {
        if (!(distanceMetres > 0) || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("linli.casework.duplicates.distance and .period must be positive");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.distanceMetres = distanceMetres;
        this.period = period;
    }

    public List<DuplicateCase> near(String categoryCode, GeoPoint point, CaseScope scope) {
        double dLat = Math.toDegrees(distanceMetres / EARTH_RADIUS_METRES);
        double dLng = dLat / Math.max(Math.cos(Math.toRadians(point.lat())), 0.01);
        return jdbc.sql("""
                select c.id, c.number, c.state, c.title, c.category_code, c.received_at, c.lng, c.lat from casework_case c
                where c.category_code = :category and c.state in (:open) and c.received_at >= :since
                  and c.lng between :west and :east and c.lat between :south and :north and """ + " " + scope.condition())
                .param("category", categoryCode).param("open", BoardQueries.OPEN)
                .param("since", Cases.utc(clock.instant().minus(period)))
                .param("west", point.lng() - dLng).param("east", point.lng() + dLng)
                .param("south", point.lat() - dLat).param("north", point.lat() + dLat)
                .param("scope", scope.parameter())
                .query((rs, n) -> new DuplicateCase(new CaseSummary(rs.getLong("id"), rs.getString("number"),
                        CaseState.valueOf(rs.getString("state")), rs.getString("title"), rs.getString("category_code"),
                        Cases.instant(rs, "received_at")), metres(point, rs.getDouble("lng"), rs.getDouble("lat"))))
                .list().stream().filter(d -> d.distanceMetres() <= distanceMetres)
                .sorted(Comparator.comparingDouble(DuplicateCase::distanceMetres)).limit(MAX).toList();
    }

    /** Haversine distance: exact enough at city scale (centimetres over a few hundred metres). */
    static double metres(GeoPoint a, double lng, double lat) {
        double phi1 = Math.toRadians(a.lat()), phi2 = Math.toRadians(lat);
        double dPhi = phi2 - phi1, dLambda = Math.toRadians(lng - a.lng());
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2) + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
