package cn.linli.territory.web;

import cn.linli.shared.GeoPoint;
import cn.linli.territory.TerritoryException;

/** Converts a coordinate given in a map app's system to WGS84 (CGCS2000 at city scale). */
final class InputCoordinates {

    private InputCoordinates() {
    }

    static GeoPoint toWgs84(String crs, double lng, double lat) {
        String system = crs == null ? "wgs84" : crs.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (system) {
            case "wgs84", "cgcs2000" -> new GeoPoint(lng, lat);
            default -> throw new TerritoryException("crs", "territory.error.crs", crs);
        };
    }
}
