package cn.linli.territory.internal.geo;

import java.util.Locale;

/**
 * The longitude/latitude systems boundaries arrive in or are shown in. Linli stores WGS84 (treated as equal to
 * CGCS2000, see {@link cn.linli.shared.GeoPoint}); Chinese web maps (Amap, Tencent, Tianditu's commercial
 * mirrors) draw tiles in GCJ-02 and Baidu in BD-09, so imports convert to WGS84 and map layers convert back.
 */
public enum CoordinateSystem {

    WGS84 {
        @Override
        public LngLat toWgs84(double lng, double lat) {
            return new LngLat(lng, lat);
        }

        @Override
        public LngLat fromWgs84(double lng, double lat) {
            return new LngLat(lng, lat);
        }
    },

    GCJ02 {
        @Override
        public LngLat toWgs84(double lng, double lat) {
            return Gcj02Offset.toWgs84(lng, lat);
        }

        @Override
        public LngLat fromWgs84(double lng, double lat) {
            return Gcj02Offset.fromWgs84(lng, lat);
        }
    },

    BD09 {
        @Override
        public LngLat toWgs84(double lng, double lat) {
            LngLat gcj = Bd09Offset.toGcj02(lng, lat);
            return Gcj02Offset.toWgs84(gcj.lng(), gcj.lat());
        }

        @Override
        public LngLat fromWgs84(double lng, double lat) {
            LngLat gcj = Gcj02Offset.fromWgs84(lng, lat);
            return Bd09Offset.fromGcj02(gcj.lng(), gcj.lat());
        }
    };

    /** Converts a point given in this system to WGS84. Points outside mainland China are returned unchanged. */
    public abstract LngLat toWgs84(double lng, double lat);

    /** Converts a WGS84 point to this system. Points outside mainland China are returned unchanged. */
    public abstract LngLat fromWgs84(double lng, double lat);

    public LngLat toWgs84(LngLat point) {
        return toWgs84(point.lng(), point.lat());
    }

    public LngLat fromWgs84(LngLat point) {
        return fromWgs84(point.lng(), point.lat());
    }

    /**
     * Parses {@code wgs84}, {@code gcj02} or {@code bd09}, ignoring case, surrounding blanks and a hyphen or
     * underscore before the digits (people write "GCJ-02" as often as "gcj02").
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static CoordinateSystem parse(String text) {
        if (text != null) {
            String normalized = text.strip().replace("-", "").replace("_", "").toUpperCase(Locale.ROOT);
            for (CoordinateSystem system : values()) {
                if (system.name().equals(normalized)) {
                    return system;
                }
            }
        }
        throw new IllegalArgumentException("unknown coordinate system '" + text + "', expected one of wgs84, gcj02, bd09");
    }
}
