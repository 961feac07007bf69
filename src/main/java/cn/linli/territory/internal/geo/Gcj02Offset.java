package cn.linli.territory.internal.geo;

/**
 * The GCJ-02 ("Mars") obfuscation that Chinese map providers apply to WGS84 coordinates. The forward formula is
 * the widely published reverse-engineered one (Krasovsky semi-major axis 6378245 m, e² 0.00669342162296594323);
 * it has no closed-form inverse, so {@link #toWgs84} solves forward(x) = gcj by fixed-point iteration. The
 * offset field is smooth (its gradient is about 1e-3), so each step shrinks the error roughly a thousandfold and
 * three or four steps reach the 1e-10° (about 0.01 mm) stopping threshold.
 */
final class Gcj02Offset {

    private static final double KRASOVSKY_A = 6378245.0;
    private static final double KRASOVSKY_E2 = 0.00669342162296594323;
    private static final double CONVERGED_DEGREES = 1e-10;
    private static final int MAX_ITERATIONS = 30;

    private Gcj02Offset() {
    }

    static LngLat fromWgs84(double lng, double lat) {
        if (!MainlandChinaBounds.contains(lng, lat)) {
            return new LngLat(lng, lat);
        }
        double[] d = offsetDegrees(lng, lat);
        return new LngLat(lng + d[0], lat + d[1]);
    }

    static LngLat toWgs84(double gcjLng, double gcjLat) {
        if (!MainlandChinaBounds.contains(gcjLng, gcjLat)) {
            return new LngLat(gcjLng, gcjLat);
        }
        // Start from the one-step approximation (subtract the offset measured at the GCJ point), then correct by
        // the residual of the forward transform until it vanishes.
        double[] d = offsetDegrees(gcjLng, gcjLat);
        double lng = gcjLng - d[0];
        double lat = gcjLat - d[1];
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double[] o = offsetDegrees(lng, lat);
            double residualLng = lng + o[0] - gcjLng;
            double residualLat = lat + o[1] - gcjLat;
            lng -= residualLng;
            lat -= residualLat;
            if (Math.abs(residualLng) < CONVERGED_DEGREES && Math.abs(residualLat) < CONVERGED_DEGREES) {
                break;
            }
        }
        return new LngLat(lng, lat);
    }

    /** The offset {dLng, dLat} in degrees that GCJ-02 adds at a WGS84 point. */
    private static double[] offsetDegrees(double lng, double lat) {
        double x = lng - 105.0;
        double y = lat - 35.0;
        double metresNorth = northOffsetMetres(x, y);
        double metresEast = eastOffsetMetres(x, y);
        double radLat = Math.toRadians(lat);
        double sinLat = Math.sin(radLat);
        double w = 1 - KRASOVSKY_E2 * sinLat * sinLat;
        double sqrtW = Math.sqrt(w);
        // Convert metres to degrees with the meridian and prime-vertical radii of curvature at this latitude.
        double meridianRadius = KRASOVSKY_A * (1 - KRASOVSKY_E2) / (w * sqrtW);
        double parallelRadius = KRASOVSKY_A / sqrtW * Math.cos(radLat);
        return new double[] {
            Math.toDegrees(metresEast / parallelRadius),
            Math.toDegrees(metresNorth / meridianRadius)
        };
    }

    private static double northOffsetMetres(double x, double y) {
        double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return r;
    }

    private static double eastOffsetMetres(double x, double y) {
        double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return r;
    }
}
