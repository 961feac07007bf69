package cn.linli.territory.internal.geo;

import java.util.Locale;

/** Builds small GeoJSON documents for tests, so each test shows only what it varies. */
final class GeoJsonText {

    private GeoJsonText() {
    }

    static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    static String collectionInCrs(String crsName, String... features) {
        return "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"" + crsName
                + "\"}},\"features\":[" + String.join(",", features) + "]}";
    }

    static String feature(String code, String name, String geometry) {
        String properties = "{\"code\":\"" + code + "\",\"name\":\"" + name + "\"}";
        return featureWithProperties(properties, geometry);
    }

    static String featureWithProperties(String properties, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":" + properties + ",\"geometry\":" + geometry + "}";
    }

    static String polygon(String... rings) {
        return "{\"type\":\"Polygon\",\"coordinates\":[" + String.join(",", rings) + "]}";
    }

    static String multiPolygon(String... polygonsRings) {
        return "{\"type\":\"MultiPolygon\",\"coordinates\":[" + String.join(",", polygonsRings) + "]}";
    }

    /** A closed counter-clockwise square ring with its south-west corner at (x, y). */
    static String squareRing(double x, double y, double size) {
        return ring(x, y, x + size, y, x + size, y + size, x, y + size, x, y);
    }

    /** A ring from x, y pairs, written as given (no closing added). */
    static String ring(double... xy) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < xy.length; i += 2) {
            if (i > 0) {
                out.append(',');
            }
            out.append(String.format(Locale.ROOT, "[%s,%s]", number(xy[i]), number(xy[i + 1])));
        }
        return out.append(']').toString();
    }

    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).toPlainString();
    }
}
