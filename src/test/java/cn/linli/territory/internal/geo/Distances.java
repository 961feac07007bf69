package cn.linli.territory.internal.geo;

/** Ground distances for test assertions. */
final class Distances {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private Distances() {
    }

    /** Haversine distance in metres; on a sphere, which is plenty for "within 2 m" checks. */
    static double metres(double lng1, double lat1, double lng2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lng2 - lng1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    static double metres(LngLat a, LngLat b) {
        return metres(a.lng(), a.lat(), b.lng(), b.lat());
    }
}
