package cn.linli.territory.internal.geo;

/**
 * Baidu's BD-09, a second obfuscation layered on GCJ-02 (a small rotation and scaling around the origin plus a
 * constant shift). The commonly published inverse is a one-step approximation that is off by up to about half a
 * metre; {@link #toGcj02} refines it by iterating the forward formula so that BD-09 → WGS84 → BD-09 is exact.
 */
final class Bd09Offset {

    private static final double X_PI = Math.PI * 3000.0 / 180.0;
    private static final double CONVERGED_DEGREES = 1e-10;
    private static final int MAX_ITERATIONS = 30;

    private Bd09Offset() {
    }

    static LngLat fromGcj02(double lng, double lat) {
        if (!MainlandChinaBounds.contains(lng, lat)) {
            return new LngLat(lng, lat);
        }
        double z = Math.hypot(lng, lat) + 0.00002 * Math.sin(lat * X_PI);
        double theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * X_PI);
        return new LngLat(z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006);
    }

    static LngLat toGcj02(double bdLng, double bdLat) {
        if (!MainlandChinaBounds.contains(bdLng, bdLat)) {
            return new LngLat(bdLng, bdLat);
        }
        double x = bdLng - 0.0065;
        double y = bdLat - 0.006;
        double z = Math.hypot(x, y) - 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
        double lng = z * Math.cos(theta);
        double lat = z * Math.sin(theta);
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            LngLat forward = fromGcj02(lng, lat);
            double residualLng = forward.lng() - bdLng;
            double residualLat = forward.lat() - bdLat;
            lng -= residualLng;
            lat -= residualLat;
            if (Math.abs(residualLng) < CONVERGED_DEGREES && Math.abs(residualLat) < CONVERGED_DEGREES) {
                break;
            }
        }
        return new LngLat(lng, lat);
    }
}
