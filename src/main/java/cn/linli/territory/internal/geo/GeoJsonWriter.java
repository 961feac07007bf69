package cn.linli.territory.internal.geo;

import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes boundaries as an RFC 7946 FeatureCollection, one feature at a time, straight to the caller's stream:
 * <pre>
 * try (GeoJsonWriter out = GeoJsonWriter.open(response.getOutputStream(), CoordinateSystem.GCJ02)) {
 *     boundaries.forEach(out::write);
 * }
 * </pre>
 * RFC 7946 rules applied: [lng, lat] order, outer rings counter-clockwise and holes clockwise (§3.1.6),
 * no {@code crs} member (§4), coordinates rounded to 7 decimals (about 1 cm; §11.2 notes that 6, about 10 cm,
 * usually suffice, but 7 keeps vertices within a centimetre of what the surveyors delivered). Properties are written
 * as {@code code}, {@code name}, then the other properties as strings. Writing converted to GCJ-02 or BD-09
 * technically leaves RFC 7946 (which means WGS84), but is what Chinese tile layers need.
 * <p>
 * {@link #close()} ends the collection and flushes but does not close the caller's stream. Not thread-safe.
 */
public final class GeoJsonWriter implements AutoCloseable {

    private static final int DECIMALS = 7;
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            // 0.0000001, not 1E-7: JSON allows both, but people and some tools stumble over exponents.
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final JsonGenerator json;
    private final CoordinateSystem target;
    private boolean closed;

    private GeoJsonWriter(JsonGenerator json, CoordinateSystem target) {
        this.json = json;
        this.target = Objects.requireNonNull(target, "target");
        json.writeStartObject();
        json.writeStringProperty("type", "FeatureCollection");
        json.writeName("features");
        json.writeStartArray();
    }

    /** Starts a collection on a character stream; coordinates are converted from WGS84 to {@code target}. */
    public static GeoJsonWriter open(Writer out, CoordinateSystem target) {
        return new GeoJsonWriter(JSON.createGenerator(ObjectWriteContext.empty(), out), target);
    }

    /** Starts a collection on a byte stream, in UTF-8 as RFC 7946 requires. */
    public static GeoJsonWriter open(OutputStream out, CoordinateSystem target) {
        return new GeoJsonWriter(JSON.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8), target);
    }

    /** Writes a whole collection in WGS84. */
    public static void writeAll(Iterable<BoundaryFeature> features, Writer out) {
        writeAll(features, out, CoordinateSystem.WGS84);
    }

    public static void writeAll(Iterable<BoundaryFeature> features, Writer out, CoordinateSystem target) {
        try (GeoJsonWriter writer = open(out, target)) {
            features.forEach(writer::write);
        }
    }

    public void write(BoundaryFeature feature) {
        if (closed) {
            throw new IllegalStateException("the collection has been closed");
        }
        json.writeStartObject();
        json.writeStringProperty("type", "Feature");
        json.writeName("properties");
        writeProperties(feature);
        json.writeName("geometry");
        writeGeometry(feature.geometry());
        json.writeEndObject();
    }

    /** Ends the FeatureCollection and flushes; the underlying stream stays open. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }

    private void writeProperties(BoundaryFeature feature) {
        json.writeStartObject();
        json.writeStringProperty("code", feature.code());
        if (feature.name() != null) {
            json.writeStringProperty("name", feature.name());
        }
        for (Map.Entry<String, String> property : feature.properties().entrySet()) {
            if (!property.getKey().equals("code") && !property.getKey().equals("name")) {
                json.writeStringProperty(property.getKey(), property.getValue());
            }
        }
        json.writeEndObject();
    }

    private void writeGeometry(Geometry geometry) {
        json.writeStartObject();
        if (geometry instanceof Polygon polygon) {
            json.writeStringProperty("type", "Polygon");
            json.writeName("coordinates");
            writePolygon(polygon);
        } else if (geometry instanceof MultiPolygon multi) {
            json.writeStringProperty("type", "MultiPolygon");
            json.writeName("coordinates");
            json.writeStartArray();
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                writePolygon((Polygon) multi.getGeometryN(i));
            }
            json.writeEndArray();
        } else {
            // BoundaryFeature admits nothing else; this guards against a future widening.
            throw new IllegalArgumentException("cannot write " + geometry.getGeometryType());
        }
        json.writeEndObject();
    }

    private void writePolygon(Polygon polygon) {
        json.writeStartArray();
        writeRing(polygon.getExteriorRing(), true);
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            writeRing(polygon.getInteriorRingN(i), false);
        }
        json.writeEndArray();
    }

    private void writeRing(LinearRing ring, boolean exterior) {
        Coordinate[] coordinates = ring.getCoordinates();
        // Signed area rather than Orientation.isCCW: it gives an answer even for degenerate rings.
        boolean counterClockwise = Orientation.isCCWArea(coordinates);
        boolean reverse = exterior != counterClockwise;
        json.writeStartArray();
        for (int i = 0; i < coordinates.length; i++) {
            Coordinate c = coordinates[reverse ? coordinates.length - 1 - i : i];
            LngLat shown = target.fromWgs84(c.x, c.y);
            json.writeStartArray();
            json.writeNumber(rounded(shown.lng()));
            json.writeNumber(rounded(shown.lat()));
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    private static BigDecimal rounded(double value) {
        return BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
