package cn.linli.territory.internal.geo;

/**
 * The rough rectangle inside which the GCJ-02 and BD-09 offsets are applied. Outside it, published converters
 * leave coordinates unchanged, and so do we, so that points abroad survive a round trip untouched. The rectangle
 * (lng 72.004–137.8347, lat 0.8293–55.8271) is the one used by the eviltransform library; it is wider than China
 * in places (parts of neighbouring countries get shifted), which is the accepted convention, and it comfortably
 * contains Jiamusi's eastern tip at about 134.8°E.
 */
final class MainlandChinaBounds {

    private static final double MIN_LNG = 72.004;
    private static final double MAX_LNG = 137.8347;
    private static final double MIN_LAT = 0.8293;
    private static final double MAX_LAT = 55.8271;

    private MainlandChinaBounds() {
    }

    static boolean contains(double lng, double lat) {
        return lng >= MIN_LNG && lng <= MAX_LNG && lat >= MIN_LAT && lat <= MAX_LAT;
    }
}
