package cn.linli.territory.internal.geo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

import tools.jackson.databind.JsonNode;

/**
 * Turns one element of a FeatureCollection's {@code features} array into a {@link BoundaryFeature}, recording
 * every problem instead of stopping at the first. Not thread-safe: one instance per read.
 */
final class GeoJsonFeatureParser {

    /** SRID 4326 marks the geometries as WGS84 longitude/latitude for anyone who looks. */
    static final GeometryFactory WGS84_FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private static final int MIN_RING_POSITIONS = 4;

    private final SourceCrs crs;
    private final GeoJsonReader.Problems problems;
    private FeatureRef current;

    /** @param crs the coordinates' CRS, or null if it could not be determined (then only the structure is checked) */
    GeoJsonFeatureParser(SourceCrs crs, GeoJsonReader.Problems problems) {
        this.crs = crs;
        this.problems = problems;
    }

    /** The code of the feature parsed last, if it had a usable one. */
    String lastCode() {
        return current == null ? null : current.code();
    }

    String lastName() {
        return current == null ? null : current.name();
    }

    /** The feature, or null if anything about it is wrong (the problems have been recorded). */
    BoundaryFeature parse(int index, JsonNode node) {
        current = new FeatureRef(index, null, null);
        int problemsBefore = problems.count();
        if (node == null || !node.isObject()) {
            report(GeoMessageKeys.FEATURE_WRONG_TYPE, node == null ? "null" : GeoJsonReader.describeType(node));
            return null;
        }
        JsonNode properties = node.get("properties");
        String code = readCode(properties);
        String name = readName(properties);
        current = new FeatureRef(index, code, name);
        if (!"Feature".equals(GeoJsonReader.textOrNull(node.get("type")))) {
            // Something else entirely (often a bare geometry): listing its missing code and geometry is noise.
            report(GeoMessageKeys.FEATURE_WRONG_TYPE, GeoJsonReader.describeType(node));
            return null;
        }
        if (code == null) {
            JsonNode raw = properties != null && properties.isObject() ? properties.get("code") : null;
            if (raw == null || raw.isNull() || (raw.isString() && raw.stringValue().isBlank())) {
                report(GeoMessageKeys.FEATURE_MISSING_CODE);
            } else {
                report(GeoMessageKeys.FEATURE_INVALID_CODE, raw.toString());
            }
        }
        Geometry geometry = readGeometry(node.get("geometry"));
        boolean clean = problems.count() == problemsBefore;
        if (!clean || geometry == null || code == null) {
            return null;
        }
        return new BoundaryFeature(code, name, geometry, otherProperties(properties));
    }

    private void report(String key, Object... arguments) {
        problems.add(current, GeoMessage.of(key, arguments));
    }

    /**
     * A code as text. Integral JSON numbers are accepted because spreadsheets turn 12-digit codes into numbers on
     * the way to GIS tools; division codes never start with 0, so nothing is lost.
     */
    private static String readCode(JsonNode properties) {
        if (properties == null || !properties.isObject()) {
            return null;
        }
        JsonNode code = properties.get("code");
        if (code == null) {
            return null;
        }
        if (code.isString()) {
            String text = code.stringValue().strip();
            return text.isEmpty() ? null : text;
        }
        if (code.isIntegralNumber() && code.bigIntegerValue().signum() > 0) {
            return code.bigIntegerValue().toString();
        }
        return null;
    }

    private static String readName(JsonNode properties) {
        if (properties == null || !properties.isObject()) {
            return null;
        }
        JsonNode name = properties.get("name");
        if (name == null || name.isNull()) {
            return null;
        }
        return name.isString() ? name.stringValue().strip() : name.toString();
    }

    /** Everything but code and name, as text: strings as they are, other values as their JSON. */
    private static Map<String, String> otherProperties(JsonNode properties) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : properties.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (key.equals("code") || key.equals("name") || value.isNull()) {
                continue;
            }
            result.put(key, value.isString() ? value.stringValue() : value.toString());
        }
        return result;
    }

    private Geometry readGeometry(JsonNode geometry) {
        if (geometry == null || geometry.isNull()) {
            report(GeoMessageKeys.FEATURE_MISSING_GEOMETRY);
            return null;
        }
        if (!geometry.isObject()) {
            report(GeoMessageKeys.GEOMETRY_MALFORMED);
            return null;
        }
        String type = GeoJsonReader.textOrNull(geometry.get("type"));
        if (!"Polygon".equals(type) && !"MultiPolygon".equals(type)) {
            report(GeoMessageKeys.GEOMETRY_UNSUPPORTED_TYPE, type == null ? GeoJsonReader.describeType(geometry) : type);
            return null;
        }
        JsonNode coordinates = geometry.get("coordinates");
        if (coordinates == null || !coordinates.isArray()) {
            report(GeoMessageKeys.GEOMETRY_COORDINATES_MISSING, type);
            return null;
        }
        if ("Polygon".equals(type)) {
            return readPolygon(coordinates, 1);
        }
        if (coordinates.isEmpty()) {
            report(GeoMessageKeys.GEOMETRY_EMPTY, 0);
            return null;
        }
        List<Polygon> polygons = new ArrayList<>();
        for (int p = 0; p < coordinates.size(); p++) {
            JsonNode polygon = coordinates.get(p);
            if (!polygon.isArray()) {
                report(GeoMessageKeys.GEOMETRY_COORDINATES_MISSING, type);
                return null;
            }
            Polygon read = readPolygon(polygon, p + 1);
            if (read != null) {
                polygons.add(read);
            }
        }
        return polygons.size() == coordinates.size()
                ? WGS84_FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new))
                : null;
    }

    private Polygon readPolygon(JsonNode rings, int polygonNumber) {
        if (rings.isEmpty()) {
            report(GeoMessageKeys.GEOMETRY_EMPTY, polygonNumber);
            return null;
        }
        List<LinearRing> read = new ArrayList<>(rings.size());
        for (int r = 0; r < rings.size(); r++) {
            LinearRing ring = readRing(rings.get(r), polygonNumber, r + 1);
            if (ring != null) {
                read.add(ring);
            }
        }
        if (read.size() != rings.size()) {
            return null;
        }
        return WGS84_FACTORY.createPolygon(read.get(0), read.subList(1, read.size()).toArray(LinearRing[]::new));
    }

    private LinearRing readRing(JsonNode ring, int polygonNumber, int ringNumber) {
        if (!ring.isArray()) {
            report(GeoMessageKeys.RING_MALFORMED, polygonNumber, ringNumber);
            return null;
        }
        RingPositions positions = new RingPositions(polygonNumber, ringNumber, ring.size());
        for (int i = 0; i < ring.size(); i++) {
            positions.read(i, ring.get(i));
        }
        if (!positions.reportFirstProblem()) {
            return null;
        }
        if (ring.size() < MIN_RING_POSITIONS) {
            report(GeoMessageKeys.RING_TOO_FEW_POSITIONS, polygonNumber, ringNumber, ring.size());
            return null;
        }
        if (!positions.isClosed()) {
            report(GeoMessageKeys.RING_NOT_CLOSED, polygonNumber, ringNumber,
                    plain(positions.sourceX[0]), plain(positions.sourceY[0]),
                    plain(positions.sourceX[ring.size() - 1]), plain(positions.sourceY[ring.size() - 1]));
            return null;
        }
        if (crs == null || !positions.convert()) {
            return null;
        }
        return WGS84_FACTORY.createLinearRing(positions.converted);
    }

    /**
     * The positions of one ring. Bad positions usually come in bulk (a whole file in the wrong CRS), so each kind
     * of problem is reported once per ring: the first offending position and how many there are.
     */
    private final class RingPositions {
        private final int polygonNumber;
        private final int ringNumber;
        private final double[] sourceX;
        private final double[] sourceY;
        private final Coordinate[] converted;
        private int malformedCount;
        private int firstMalformed = -1;
        private int notNumericCount;
        private int firstNotNumeric = -1;
        private String firstNotNumericText;

        RingPositions(int polygonNumber, int ringNumber, int size) {
            this.polygonNumber = polygonNumber;
            this.ringNumber = ringNumber;
            this.sourceX = new double[size];
            this.sourceY = new double[size];
            this.converted = new Coordinate[size];
        }

        void read(int i, JsonNode position) {
            if (position == null || !position.isArray() || position.size() < 2) {
                malformedCount++;
                if (firstMalformed < 0) {
                    firstMalformed = i;
                }
                return;
            }
            // Elements beyond the second (altitude) are allowed by RFC 7946 and ignored: boundaries are 2D.
            JsonNode x = position.get(0);
            JsonNode y = position.get(1);
            if (!x.isNumber() || !y.isNumber()) {
                notNumericCount++;
                if (firstNotNumeric < 0) {
                    firstNotNumeric = i;
                    firstNotNumericText = position.toString();
                }
                return;
            }
            sourceX[i] = x.doubleValue();
            sourceY[i] = y.doubleValue();
        }

        /** Reports the structural problems found while reading; true if there were none. */
        boolean reportFirstProblem() {
            if (firstMalformed >= 0) {
                report(GeoMessageKeys.POSITION_MALFORMED, polygonNumber, ringNumber, firstMalformed + 1, malformedCount);
            }
            if (firstNotNumeric >= 0) {
                report(GeoMessageKeys.POSITION_NOT_NUMERIC, polygonNumber, ringNumber, firstNotNumeric + 1,
                        notNumericCount, firstNotNumericText);
            }
            return firstMalformed < 0 && firstNotNumeric < 0;
        }

        /** Closed means the same numbers as written; a converted ring is then closed as well. */
        boolean isClosed() {
            int last = sourceX.length - 1;
            return sourceX[0] == sourceX[last] && sourceY[0] == sourceY[last];
        }

        /** Converts all positions to WGS84; reports and returns false if any fall outside the valid range. */
        boolean convert() {
            GaussKrugerProjection projection = crs instanceof SourceCrs.GaussKruger gk ? gk.projection() : null;
            int outsideZone = 0;
            int firstOutsideZone = -1;
            int outOfRange = 0;
            int firstOutOfRange = -1;
            LngLat firstOutOfRangeValue = null;
            for (int i = 0; i < sourceX.length; i++) {
                if (projection != null && !projection.isPlausible(sourceX[i], sourceY[i])) {
                    outsideZone++;
                    if (firstOutsideZone < 0) {
                        firstOutsideZone = i;
                    }
                    continue;
                }
                LngLat wgs = toWgs84(sourceX[i], sourceY[i]);
                if (!inRange(wgs)) {
                    outOfRange++;
                    if (firstOutOfRange < 0) {
                        firstOutOfRange = i;
                        firstOutOfRangeValue = wgs;
                    }
                    continue;
                }
                converted[i] = new Coordinate(wgs.lng(), wgs.lat());
            }
            if (firstOutsideZone >= 0) {
                report(GeoMessageKeys.POSITION_OUTSIDE_ZONE, polygonNumber, ringNumber, firstOutsideZone + 1,
                        outsideZone, plain(sourceX[firstOutsideZone]), plain(sourceY[firstOutsideZone]),
                        crs.displayName());
            }
            if (firstOutOfRange >= 0) {
                report(GeoMessageKeys.POSITION_OUT_OF_RANGE, polygonNumber, ringNumber, firstOutOfRange + 1,
                        outOfRange, plain(firstOutOfRangeValue.lng()), plain(firstOutOfRangeValue.lat()));
            }
            if (firstOutsideZone >= 0 || firstOutOfRange >= 0) {
                return false;
            }
            // The closing position is converted independently but identically; make it the very same object's
            // value so JTS sees an exactly closed ring whatever floating point did.
            converted[converted.length - 1] = converted[0].copy();
            return true;
        }

        private LngLat toWgs84(double x, double y) {
            try {
                return crs.toWgs84(x, y);
            } catch (IllegalArgumentException e) {
                return new LngLat(Double.NaN, Double.NaN);
            }
        }
    }

    private static boolean inRange(LngLat p) {
        return Double.isFinite(p.lng()) && Double.isFinite(p.lat())
                && p.lng() >= -180 && p.lng() <= 180 && p.lat() >= -90 && p.lat() <= 90;
    }

    /**
     * Coordinates as exact text for messages ({@code 44512345.67}, not {@code 4.451234567E7} nor the
     * locale-grouped {@code 44,512,345.67} MessageFormat would make of a number).
     */
    private static String plain(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : String.valueOf(value);
    }
}
