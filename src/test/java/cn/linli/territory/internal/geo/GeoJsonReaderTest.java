package cn.linli.territory.internal.geo;

import static cn.linli.territory.internal.geo.GeoJsonText.collection;
import static cn.linli.territory.internal.geo.GeoJsonText.collectionInCrs;
import static cn.linli.territory.internal.geo.GeoJsonText.feature;
import static cn.linli.territory.internal.geo.GeoJsonText.featureWithProperties;
import static cn.linli.territory.internal.geo.GeoJsonText.multiPolygon;
import static cn.linli.territory.internal.geo.GeoJsonText.polygon;
import static cn.linli.territory.internal.geo.GeoJsonText.ring;
import static cn.linli.territory.internal.geo.GeoJsonText.squareRing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class GeoJsonReaderTest {

    private final GeoJsonReader reader = new GeoJsonReader();

    private GeoJsonReadResult read(String json) {
        return reader.read(new StringReader(json));
    }

    private GeoJsonReadResult read(String json, SourceCrs callerCrs) {
        return reader.read(new StringReader(json), callerCrs);
    }

    /** Asserts the file was rejected with exactly one problem, and returns it. */
    private static GeoJsonProblem onlyProblem(GeoJsonReadResult result) {
        assertThat(result).isInstanceOf(GeoJsonReadResult.Rejected.class);
        assertThat(result.features()).isEmpty();
        assertThat(result.problems()).hasSize(1);
        return result.problems().get(0);
    }

    private static void assertFeatureProblem(GeoJsonProblem problem, int index, String code, String key, Object... args) {
        assertThat(problem.feature()).isNotNull();
        assertThat(problem.feature().index()).isEqualTo(index);
        assertThat(problem.feature().code()).isEqualTo(code);
        assertThat(problem.key()).isEqualTo(key);
        if (args.length > 0) {
            assertThat(problem.message().arguments()).containsExactly(args);
        }
    }

    @Nested
    class ValidFiles {

        @Test
        void readsPolygonsWithHolesMultiPolygonsAndProperties() {
            String json = collection(
                    featureWithProperties(
                            "{\"code\":\"230803001001001\",\"name\":\"第一网格\",\"households\":412,\"urban\":true,"
                                    + "\"contact\":{\"phone\":\"0454-1234567\"},\"note\":null,\"level\":\"grid\"}",
                            polygon(squareRing(130.30, 46.80, 0.01), ring(130.302, 46.802, 130.302, 46.804, 130.304,
                                    46.804, 130.304, 46.802, 130.302, 46.802))),
                    featureWithProperties("{\"code\":230803001001002,\"name\":\"第二网格\"}",
                            multiPolygon("[" + squareRing(130.31, 46.80, 0.01) + "]",
                                    "[" + squareRing(130.33, 46.80, 0.005) + "]")));

            GeoJsonReadResult result = read(json);

            assertThat(result.problems()).isEmpty();
            assertThat(result.features()).hasSize(2);
            BoundaryFeature first = result.features().get(0);
            assertThat(first.code()).isEqualTo("230803001001001");
            assertThat(first.name()).isEqualTo("第一网格");
            assertThat(first.properties()).containsExactly(
                    Map.entry("households", "412"), Map.entry("urban", "true"),
                    Map.entry("contact", "{\"phone\":\"0454-1234567\"}"), Map.entry("level", "grid"));
            assertThat(first.geometry()).isInstanceOf(Polygon.class);
            assertThat(((Polygon) first.geometry()).getNumInteriorRing()).isEqualTo(1);
            assertThat(first.geometry().getCoordinates()[1]).isEqualTo(new Coordinate(130.31, 46.80));
            assertThat(first.geometry().getSRID()).isEqualTo(4326);

            BoundaryFeature second = result.features().get(1);
            assertThat(second.code()).isEqualTo("230803001001002"); // a JSON number code becomes text
            assertThat(second.geometry()).isInstanceOf(MultiPolygon.class);
            assertThat(second.geometry().getNumGeometries()).isEqualTo(2);
        }

        @Test
        void readsBytesInUtf8() {
            String json = collection(feature("230803001001", "长安社区", polygon(squareRing(130.3, 46.8, 0.01))));
            GeoJsonReadResult result = reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
            assertThat(result.features()).singleElement().extracting(BoundaryFeature::name).isEqualTo("长安社区");
        }

        @Test
        void toleratesAByteOrderMark() {
            String json = collection(feature("230803001001", "长安社区", polygon(squareRing(130.3, 46.8, 0.01))));
            byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
            byte[] withBom = new byte[utf8.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(utf8, 0, withBom, 3, utf8.length);

            assertThat(reader.read(new ByteArrayInputStream(withBom)).features()).hasSize(1);
            assertThat(read("\uFEFF" + json).features()).hasSize(1);
        }

        @Test
        void readsGaussKrugerFileDeclaringItsCrsAndLandsInJiamusi() {
            // A 500 m square near Jiamusi's city centre, as a surveying office would deliver it in zone 44
            // (CM 132°E), with eastings ~370 km, i.e. west of the central meridian.
            GaussKrugerProjection zone44 = GaussKrugerProjection.forEpsg(4553);
            EastingNorthing sw = zone44.fromWgs84(130.318, 46.800);
            double e = Math.round(sw.easting());
            double n = Math.round(sw.northing());
            String gkRing = ring(e, n, e + 500, n, e + 500, n + 500, e, n + 500, e, n);

            GeoJsonReadResult result = read(collectionInCrs("EPSG:4553", feature("230803001001", "长安社区", polygon(gkRing))));

            assertThat(result.problems()).isEmpty();
            Geometry boundary = result.features().get(0).geometry();
            for (Coordinate c : boundary.getCoordinates()) {
                assertThat(c.x).isBetween(130.3, 130.35);
                assertThat(c.y).isBetween(46.79, 46.81);
            }
            LngLat expectedSw = zone44.toWgs84(e, n);
            assertThat(boundary.getCoordinates()[0].x).isCloseTo(expectedSw.lng(), within(1e-12));
            // Sanity: a 500 m × 500 m square is about 0.00656° of longitude wide at 46.8°N.
            assertThat(boundary.getEnvelopeInternal().getWidth()).isCloseTo(500 / (111_320 * Math.cos(Math.toRadians(46.8))), within(0.0002));
        }

        @Test
        void readsPrefixedGaussKrugerInUrnFormAndAgreesWithUnprefixed() {
            String plain = polygon(ring(370_000, 5_185_000, 370_500, 5_185_000, 370_500, 5_185_500, 370_000, 5_185_000));
            String prefixed = polygon(ring(44_370_000, 5_185_000, 44_370_500, 5_185_000, 44_370_500, 5_185_500, 44_370_000, 5_185_000));

            Geometry fromPlain = read(collectionInCrs("EPSG:4553", feature("1", "a", plain))).features().get(0).geometry();
            Geometry fromPrefixed = read(collectionInCrs("urn:ogc:def:crs:EPSG::4532", feature("1", "a", prefixed)))
                    .features().get(0).geometry();

            assertThat(fromPrefixed.equalsExact(fromPlain, 1e-10)).isTrue();
            assertThat(fromPlain.getCoordinates()[0].x).isBetween(130.0, 130.5);
        }

        @Test
        void usesTheCallersCrsWhenTheFileDeclaresNone() {
            String json = collection(feature("1", "a", polygon(ring(370_000, 5_185_000, 370_500, 5_185_000, 370_500,
                    5_185_500, 370_000, 5_185_000))));

            GeoJsonReadResult result = read(json, SourceCrs.gaussKruger(4553));

            assertThat(result.problems()).isEmpty();
            assertThat(result.features().get(0).geometry().getCoordinates()[0].y).isBetween(46.7, 46.9);
        }

        @Test
        void convertsGcj02InputToWgs84WhenTheCallerSaysSo() {
            String json = collectionInCrs("urn:ogc:def:crs:OGC:1.3:CRS84",
                    feature("1", "a", polygon(squareRing(130.32, 46.80, 0.01))));

            GeoJsonReadResult result = read(json, SourceCrs.geographic(CoordinateSystem.GCJ02));

            assertThat(result.problems()).isEmpty();
            Coordinate first = result.features().get(0).geometry().getCoordinates()[0];
            LngLat expected = CoordinateSystem.GCJ02.toWgs84(130.32, 46.80);
            assertThat(first.x).isEqualTo(expected.lng());
            assertThat(first.y).isEqualTo(expected.lat());
            // The converted ring is still exactly closed.
            Coordinate[] all = result.features().get(0).geometry().getCoordinates();
            assertThat(all[all.length - 1]).isEqualTo(all[0]);
        }
    }

    @Nested
    class WholeFileProblems {

        @Test
        void malformedJsonGivesLineAndColumn() {
            String json = "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [ {\"type\": \"Feature\",, } ]\n}";

            GeoJsonProblem problem = onlyProblem(read(json));

            assertThat(problem.concernsWholeFile()).isTrue();
            assertThat(problem.key()).isEqualTo(GeoMessageKeys.JSON_MALFORMED);
            assertThat(problem.message().arguments().get(0)).isEqualTo(3);
            assertThat((Integer) problem.message().arguments().get(1)).isBetween(34, 36);
        }

        @Test
        void aFailingStreamIsTheCallersException() {
            java.io.Reader failing = new java.io.Reader() {
                @Override
                public int read(char[] buffer, int offset, int length) throws java.io.IOException {
                    throw new java.io.IOException("connection reset");
                }

                @Override
                public void close() {
                }
            };
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read(failing))
                    .isInstanceOf(java.io.UncheckedIOException.class)
                    .hasRootCauseMessage("connection reset");
        }

        @Test
        void truncatedJsonIsMalformed() {
            assertThat(onlyProblem(read("{\"type\":\"FeatureCollection\",\"features\":[")).key())
                    .isEqualTo(GeoMessageKeys.JSON_MALFORMED);
        }

        @Test
        void emptyInput() {
            assertThat(onlyProblem(read("")).key()).isEqualTo(GeoMessageKeys.JSON_EMPTY);
            assertThat(onlyProblem(read("  \n ")).key()).isEqualTo(GeoMessageKeys.JSON_EMPTY);
        }

        @Test
        void wrongTopLevelType() {
            GeoJsonProblem single = onlyProblem(read(feature("1", "a", polygon(squareRing(130, 46, 0.1)))));
            assertThat(single.key()).isEqualTo(GeoMessageKeys.COLLECTION_WRONG_TYPE);
            assertThat(single.message().arguments()).containsExactly("Feature");

            assertThat(onlyProblem(read("[]")).message().arguments()).containsExactly("array");
        }

        @Test
        void missingOrEmptyFeatures() {
            assertThat(onlyProblem(read("{\"type\":\"FeatureCollection\"}")).key())
                    .isEqualTo(GeoMessageKeys.COLLECTION_FEATURES_MISSING);
            assertThat(onlyProblem(read("{\"type\":\"FeatureCollection\",\"features\":{}}")).key())
                    .isEqualTo(GeoMessageKeys.COLLECTION_FEATURES_MISSING);
            assertThat(onlyProblem(read(collection())).key()).isEqualTo(GeoMessageKeys.COLLECTION_EMPTY);
        }

        @Test
        void unsupportedCrs() {
            GeoJsonProblem problem = onlyProblem(read(collectionInCrs("EPSG:3857",
                    feature("1", "a", polygon(squareRing(130, 46, 0.1))))));
            assertThat(problem.key()).isEqualTo(GeoMessageKeys.CRS_UNSUPPORTED);
            assertThat(problem.message().arguments()).containsExactly("EPSG:3857");
        }

        @Test
        void malformedCrs() {
            String json = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"link\",\"properties\":{\"href\":\"x\"}},"
                    + "\"features\":[" + feature("1", "a", polygon(squareRing(130, 46, 0.1))) + "]}";
            assertThat(onlyProblem(read(json)).key()).isEqualTo(GeoMessageKeys.CRS_MALFORMED);
        }

        @Test
        void crsConflictBetweenFileAndCaller() {
            String json = collectionInCrs("EPSG:4553", feature("1", "a", polygon(ring(370_000, 5_185_000, 370_500,
                    5_185_000, 370_500, 5_185_500, 370_000, 5_185_000))));

            GeoJsonProblem problem = onlyProblem(read(json, SourceCrs.gaussKruger(4552)));

            assertThat(problem.key()).isEqualTo(GeoMessageKeys.CRS_CONFLICT);
            assertThat(problem.message().arguments()).containsExactly("EPSG:4553", "EPSG:4552");
            assertThat(onlyProblem(read(json, SourceCrs.geographic(CoordinateSystem.GCJ02))).key())
                    .isEqualTo(GeoMessageKeys.CRS_CONFLICT);
        }

        @Test
        void structuralProblemsAreStillListedWhenTheCrsIsUnusable() {
            String json = collectionInCrs("EPSG:3857",
                    featureWithProperties("{\"name\":\"a\"}", polygon(squareRing(130, 46, 0.1))));
            assertThat(read(json).problems()).extracting(GeoJsonProblem::key)
                    .containsExactly(GeoMessageKeys.CRS_UNSUPPORTED, GeoMessageKeys.FEATURE_MISSING_CODE);
        }

        @Test
        void aFileOfNothingButErrorsIsCutShort() {
            List<String> features = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                features.add(featureWithProperties("{}", "null"));
            }
            GeoJsonReadResult result = read(collection(features.toArray(String[]::new)));
            assertThat(result.problems()).hasSize(GeoJsonReader.MAX_PROBLEMS + 1);
            assertThat(result.problems().get(GeoJsonReader.MAX_PROBLEMS).key()).isEqualTo(GeoMessageKeys.PROBLEMS_TRUNCATED);
        }
    }

    @Nested
    class FeatureProblems {

        private final String good = feature("230803001001", "长安社区", polygon(squareRing(130.3, 46.8, 0.01)));

        /** The bad feature sits second, after a good one, so the index must be 1 and nothing may be returned. */
        private GeoJsonProblem problemOfSecondFeature(String badFeature) {
            GeoJsonProblem problem = onlyProblem(read(collection(good, badFeature)));
            assertThat(problem.feature().index()).isEqualTo(1);
            assertThat(problem.feature().ordinal()).isEqualTo(2);
            return problem;
        }

        @Test
        void wrongFeatureType() {
            GeoJsonProblem problem = problemOfSecondFeature(polygon(squareRing(130, 46, 0.1)));
            assertFeatureProblem(problem, 1, null, GeoMessageKeys.FEATURE_WRONG_TYPE, "Polygon");
        }

        @Test
        void missingGeometry() {
            assertFeatureProblem(problemOfSecondFeature(feature("230803001002", "b", "null")),
                    1, "230803001002", GeoMessageKeys.FEATURE_MISSING_GEOMETRY);
            assertFeatureProblem(problemOfSecondFeature("{\"type\":\"Feature\",\"properties\":{\"code\":\"9\"}}"),
                    1, "9", GeoMessageKeys.FEATURE_MISSING_GEOMETRY);
        }

        @Test
        void unsupportedGeometryType() {
            GeoJsonProblem point = problemOfSecondFeature(
                    feature("230803001002", "b", "{\"type\":\"Point\",\"coordinates\":[130.3,46.8]}"));
            assertFeatureProblem(point, 1, "230803001002", GeoMessageKeys.GEOMETRY_UNSUPPORTED_TYPE, "Point");
            assertThat(point.feature().name()).isEqualTo("b");

            GeoJsonProblem line = problemOfSecondFeature(feature("230803001002", "b",
                    "{\"type\":\"LineString\",\"coordinates\":[[130.3,46.8],[130.4,46.8]]}"));
            assertFeatureProblem(line, 1, "230803001002", GeoMessageKeys.GEOMETRY_UNSUPPORTED_TYPE, "LineString");
        }

        @Test
        void missingCoordinates() {
            assertFeatureProblem(problemOfSecondFeature(feature("2", "b", "{\"type\":\"Polygon\"}")),
                    1, "2", GeoMessageKeys.GEOMETRY_COORDINATES_MISSING, "Polygon");
            assertFeatureProblem(problemOfSecondFeature(feature("2", "b", "{\"type\":\"Polygon\",\"coordinates\":[]}")),
                    1, "2", GeoMessageKeys.GEOMETRY_EMPTY, 1);
        }

        @Test
        void ringWithTooFewPositions() {
            GeoJsonProblem problem = problemOfSecondFeature(feature("2", "b",
                    polygon(ring(130.3, 46.8, 130.4, 46.8, 130.3, 46.8))));
            assertFeatureProblem(problem, 1, "2", GeoMessageKeys.RING_TOO_FEW_POSITIONS, 1, 1, 3);
        }

        @Test
        void ringNotClosedInTheSecondPolygonOfAMultiPolygon() {
            GeoJsonProblem problem = problemOfSecondFeature(feature("2", "b", multiPolygon(
                    "[" + squareRing(130.3, 46.8, 0.01) + "]",
                    "[" + ring(130.4, 46.8, 130.5, 46.8, 130.5, 46.9, 130.4, 46.9) + "]")));
            assertFeatureProblem(problem, 1, "2", GeoMessageKeys.RING_NOT_CLOSED, 2, 1, "130.4", "46.8", "130.4", "46.9");
        }

        @Test
        void nonNumericCoordinates() {
            GeoJsonProblem problem = problemOfSecondFeature(feature("2", "b", polygon(
                    "[[130.3,46.8],[\"130.4\",46.8],[130.4,46.9],[130.3,46.8]]")));
            assertFeatureProblem(problem, 1, "2", GeoMessageKeys.POSITION_NOT_NUMERIC, 1, 1, 2, 1, "[\"130.4\",46.8]");
        }

        @Test
        void positionThatIsNotAPair() {
            GeoJsonProblem problem = problemOfSecondFeature(feature("2", "b", polygon(
                    "[[130.3,46.8],[130.4],[130.4,46.9],[130.3,46.8]]")));
            assertFeatureProblem(problem, 1, "2", GeoMessageKeys.POSITION_MALFORMED, 1, 1, 2, 1);
        }

        @Test
        void outOfRangeCoordinatesInAHole() {
            GeoJsonProblem problem = problemOfSecondFeature(feature("2", "b", polygon(
                    squareRing(130.3, 46.8, 0.01), ring(130.302, 46.802, 200, 46.802, 130.304, 95, 130.302, 46.802))));
            assertFeatureProblem(problem, 1, "2", GeoMessageKeys.POSITION_OUT_OF_RANGE, 1, 2, 2, 2, "200", "46.802");
        }

        @Test
        void missingCode() {
            assertFeatureProblem(problemOfSecondFeature(featureWithProperties("{\"name\":\"b\"}",
                    polygon(squareRing(130.3, 46.8, 0.01)))), 1, null, GeoMessageKeys.FEATURE_MISSING_CODE);
            assertFeatureProblem(problemOfSecondFeature(featureWithProperties("{\"code\":\"  \"}",
                    polygon(squareRing(130.3, 46.8, 0.01)))), 1, null, GeoMessageKeys.FEATURE_MISSING_CODE);
            assertFeatureProblem(problemOfSecondFeature(featureWithProperties("null",
                    polygon(squareRing(130.3, 46.8, 0.01)))), 1, null, GeoMessageKeys.FEATURE_MISSING_CODE);
        }

        @Test
        void codeOfTheWrongKind() {
            GeoJsonProblem problem = problemOfSecondFeature(featureWithProperties("{\"code\":true,\"name\":\"b\"}",
                    polygon(squareRing(130.3, 46.8, 0.01))));
            assertFeatureProblem(problem, 1, null, GeoMessageKeys.FEATURE_INVALID_CODE, "true");
            assertThat(problem.feature().name()).isEqualTo("b");
        }

        @Test
        void duplicateCode() {
            GeoJsonProblem problem = problemOfSecondFeature(
                    feature("230803001001", "again", polygon(squareRing(130.4, 46.8, 0.01))));
            assertFeatureProblem(problem, 1, "230803001001", GeoMessageKeys.FEATURE_DUPLICATE_CODE, "230803001001", 1);
        }

        @Test
        void gaussKrugerWithSwappedAxes() {
            String swapped = polygon(ring(5_185_000, 370_000, 5_185_000, 370_500, 5_185_500, 370_500, 5_185_000, 370_000));
            GeoJsonProblem problem = onlyProblem(read(collectionInCrs("EPSG:4553", feature("7", "x", swapped))));
            assertFeatureProblem(problem, 0, "7", GeoMessageKeys.POSITION_OUTSIDE_ZONE, 1, 1, 1, 4, "5185000", "370000",
                    "EPSG:4553");
        }

        @Test
        void everyBadFeatureIsReportedAndNoFeatureReturned() {
            GeoJsonReadResult result = read(collection(
                    good,
                    featureWithProperties("{\"name\":\"无代码\"}", polygon(squareRing(130.4, 46.8, 0.01))),
                    feature("230803001003", "ok", polygon(squareRing(130.5, 46.8, 0.01))),
                    feature("230803001004", "点", "{\"type\":\"Point\",\"coordinates\":[1,2]}")));

            assertThat(result).isInstanceOf(GeoJsonReadResult.Rejected.class);
            assertThat(result.features()).isEmpty();
            assertThat(result.problems()).extracting(p -> p.feature().index(), p -> p.feature().name(), GeoJsonProblem::key)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(1, "无代码", GeoMessageKeys.FEATURE_MISSING_CODE),
                            org.assertj.core.groups.Tuple.tuple(3, "点", GeoMessageKeys.GEOMETRY_UNSUPPORTED_TYPE));
        }
    }
}
