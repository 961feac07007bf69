package cn.linli.territory.web;

import cn.linli.shared.GeoPoint;
import cn.linli.territory.TerritoryException;
import cn.linli.territory.internal.geo.CoordinateSystem;
import cn.linli.territory.internal.geo.LngLat;

/** Converts a coordinate given in a map app's system (GCJ-02: AMap, Tencent; BD-09: Baidu) to WGS84/CGCS2000. */
final class InputCoordinates {

    private InputCoordinates() {
    }

    static GeoPoint toWgs84(String crs, double lng, double lat) {
        CoordinateSystem system;
        try {
            system = crs == null || crs.strip().equalsIgnoreCase("cgcs2000") ? CoordinateSystem.WGS84 : CoordinateSystem.parse(crs);
        } catch (IllegalArgumentException e) {
            throw new TerritoryException("crs", "territory.error.crs", crs);
        }
        LngLat wgs84 = system.toWgs84(lng, lat);
        return new GeoPoint(wgs84.lng(), wgs84.lat());
    }
}
