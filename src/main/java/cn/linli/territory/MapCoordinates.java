package cn.linli.territory;

import java.util.Optional;

import cn.linli.shared.GeoPoint;
import cn.linli.territory.internal.geo.CoordinateSystem;
import cn.linli.territory.internal.geo.LngLat;

/**
 * Converts points between the systems Chinese map apps use (GCJ-02: AMap, Tencent; BD-09: Baidu) and the WGS84 that
 * Linli stores, for modules that take a point from a client or draw one on the configured base map.
 */
public final class MapCoordinates {

    private MapCoordinates() {
    }

    /**
     * The WGS84 point of a point given in {@code crs} ({@code wgs84}, {@code cgcs2000}, {@code gcj02}, {@code bd09};
     * null means wgs84); empty when the system is not one of these.
     *
     * @throws IllegalArgumentException when the converted point is not a valid longitude/latitude
     */
    public static Optional<GeoPoint> toWgs84(String crs, double lng, double lat) {
        return system(crs).map(system -> {
            LngLat wgs84 = system.toWgs84(lng, lat);
            return new GeoPoint(wgs84.lng(), wgs84.lat());
        });
    }

    /** The point as drawn on a base map in {@code crs} (wgs84 or gcj02, see {@link MapSettings#tileCrs()}). */
    public static GeoPoint fromWgs84(String crs, GeoPoint point) {
        CoordinateSystem system = system(crs).orElse(CoordinateSystem.WGS84);
        LngLat shown = system.fromWgs84(point.lng(), point.lat());
        return new GeoPoint(shown.lng(), shown.lat());
    }

    private static Optional<CoordinateSystem> system(String crs) {
        if (crs == null || crs.isBlank() || crs.strip().equalsIgnoreCase("cgcs2000")) return Optional.of(CoordinateSystem.WGS84);
        try {
            return Optional.of(CoordinateSystem.parse(crs));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
