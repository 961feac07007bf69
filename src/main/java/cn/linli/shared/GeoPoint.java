package cn.linli.shared;

/**
 * A point in WGS84 / CGCS2000 longitude and latitude (degrees). At city scale the two systems differ by
 * centimetres, so Linli treats them as one.
 */
public record GeoPoint(double lng, double lat) {

    public GeoPoint {
        if (!Double.isFinite(lng) || lng < -180 || lng > 180) {
            throw new IllegalArgumentException("longitude out of range [-180, 180]: " + lng);
        }
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("latitude out of range [-90, 90]: " + lat);
        }
    }
}
