package cn.linli.territory.internal.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GeoJsonWriterTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private static LinearRing ring(double... xy) {
        Coordinate[] coordinates = new Coordinate[xy.length / 2];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        return FACTORY.createLinearRing(coordinates);
    }

    /** Exterior clockwise and hole counter-clockwise: both the wrong way round for RFC 7946. */
    private static Polygon polygonWoundTheWrongWay() {
        LinearRing clockwiseShell = ring(130.30, 46.80, 130.30, 46.81, 130.31, 46.81, 130.31, 46.80, 130.30, 46.80);
        LinearRing counterClockwiseHole = ring(130.302, 46.802, 130.304, 46.802, 130.304, 46.804, 130.302, 46.804,
                130.302, 46.802);
        Polygon polygon = FACTORY.createPolygon(clockwiseShell, new LinearRing[] {counterClockwiseHole});
        assertThat(Orientation.isCCW(clockwiseShell.getCoordinates())).isFalse();
        assertThat(Orientation.isCCW(counterClockwiseHole.getCoordinates())).isTrue();
        return polygon;
    }

    private static List<BoundaryFeature> sampleFeatures() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("households", "412");
        properties.put("note", "含\"引号\"和\\反斜杠");
        Geometry multi = FACTORY.createMultiPolygon(new Polygon[] {
            FACTORY.createPolygon(ring(130.32, 46.80, 130.33, 46.80, 130.33, 46.81, 130.32, 46.80)),
            FACTORY.createPolygon(ring(130.34, 46.80, 130.35, 46.80, 130.35, 46.81, 130.34, 46.80))
        });
        return List.of(
                new BoundaryFeature("230803001001001", "第一网格", polygonWoundTheWrongWay(), properties),
                new BoundaryFeature("230803001001002", null, multi));
    }

    private static String write(List<BoundaryFeature> features, CoordinateSystem target) {
        StringWriter out = new StringWriter();
        GeoJsonWriter.writeAll(features, out, target);
        return out.toString();
    }

    @Test
    void writesThenReadsBackTheSameFeatures() {
        List<BoundaryFeature> original = sampleFeatures();

        GeoJsonReadResult back = new GeoJsonReader().read(new StringReader(write(original, CoordinateSystem.WGS84)));

        assertThat(back.problems()).isEmpty();
        assertThat(back.features()).hasSize(2);
        for (int i = 0; i < original.size(); i++) {
            BoundaryFeature before = original.get(i);
            BoundaryFeature after = back.features().get(i);
            assertThat(after.code()).isEqualTo(before.code());
            assertThat(after.name()).isEqualTo(before.name());
            assertThat(after.properties()).isEqualTo(before.properties());
            // Rings may come back reversed (that is the point of the writer), so compare normalized forms.
            assertThat(after.geometry().norm().equalsExact(before.geometry().norm(), 1e-12)).isTrue();
        }
    }

    @Test
    void windsExteriorsCounterClockwiseAndHolesClockwise() throws Exception {
        JsonNode polygon = JsonMapper.shared().readTree(write(sampleFeatures(), CoordinateSystem.WGS84))
                .get("features").get(0).get("geometry").get("coordinates");

        assertThat(signedArea(polygon.get(0))).isPositive();
        assertThat(signedArea(polygon.get(1))).isNegative();
    }

    /** Shoelace formula: positive for counter-clockwise in a lng/lat (x east, y north) plane. */
    private static double signedArea(JsonNode ring) {
        double sum = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            double x1 = ring.get(i).get(0).doubleValue();
            double y1 = ring.get(i).get(1).doubleValue();
            double x2 = ring.get(i + 1).get(0).doubleValue();
            double y2 = ring.get(i + 1).get(1).doubleValue();
            sum += x1 * y2 - x2 * y1;
        }
        return sum / 2;
    }

    @Test
    void roundsToSevenDecimalsWithoutExponentsAndWritesNoCrs() {
        Polygon precise = FACTORY.createPolygon(ring(130.123456789, 46.00000001, 130.2, 46.00000001, 130.2, 46.1,
                130.123456789, 46.00000001));

        String json = write(List.of(new BoundaryFeature("1", "a", precise)), CoordinateSystem.WGS84);

        assertThat(json).contains("[130.1234568,46]").contains("[130.2,46]").doesNotContain("E-").doesNotContain("e-");
        assertThat(json).doesNotContain("\"crs\"");
        assertThat(json).startsWith("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"1\",\"name\":\"a\"}");
    }

    @Test
    void writesGcj02WhenAskedAndReadsBackWithTheSameChoice() {
        List<BoundaryFeature> original = sampleFeatures();
        String json = write(original, CoordinateSystem.GCJ02);

        Coordinate wgs = original.get(1).geometry().getCoordinates()[0];
        LngLat gcj = CoordinateSystem.GCJ02.fromWgs84(wgs.x, wgs.y);
        assertThat(json).contains(String.format(java.util.Locale.ROOT, "[%.7f,%.7f]", gcj.lng(), gcj.lat()).replaceAll("0+(?=[,\\]])", ""));

        GeoJsonReadResult back = new GeoJsonReader().read(new StringReader(json),
                SourceCrs.geographic(CoordinateSystem.GCJ02));
        Coordinate[] after = back.features().get(1).geometry().getCoordinates();
        Coordinate[] before = original.get(1).geometry().getCoordinates();
        for (int i = 0; i < before.length; i++) {
            assertThat(Distances.metres(after[i].x, after[i].y, before[i].x, before[i].y)).isLessThan(0.02);
        }
    }

    @Test
    void streamsUtf8ToAByteStreamAndLeavesItOpen() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Boolean> closed = new ArrayList<>();
        FilterOutputStream target = new FilterOutputStream(bytes) {
            @Override
            public void close() {
                closed.add(true);
            }
        };

        try (GeoJsonWriter writer = GeoJsonWriter.open(target, CoordinateSystem.WGS84)) {
            sampleFeatures().forEach(writer::write);
        }

        assertThat(closed).isEmpty();
        String json = bytes.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"name\":\"第一网格\"").endsWith("]}");
        assertThat(new GeoJsonReader().read(new StringReader(json)).features()).hasSize(2);
    }

    @Test
    void anEmptyCollectionIsStillWellFormed() {
        assertThat(write(List.of(), CoordinateSystem.WGS84)).isEqualTo("{\"type\":\"FeatureCollection\",\"features\":[]}");
    }

    @Test
    void refusesToWriteAfterClose() {
        GeoJsonWriter writer = GeoJsonWriter.open(new StringWriter(), CoordinateSystem.WGS84);
        writer.close();
        writer.close(); // idempotent
        assertThatThrownBy(() -> writer.write(sampleFeatures().get(0))).isInstanceOf(IllegalStateException.class);
    }
}
