package cn.linli.territory.internal.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class BoundaryValidatorTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final String PARENT = "230803001001";
    private static final Function<String, String> COMMUNITY_OF_GRID = code -> code.substring(0, 12);
    private static final double CELL = 0.01;
    private static final double WEST = 130.30;
    private static final double SOUTH = 46.80;

    /** Approximate ground area of a lng/lat rectangle near 46.8°N (radii of curvature at its centre). */
    private static double area(double dLng, double dLat, double midLat) {
        double a = 6378137.0;
        double e2 = 0.00669438002290;
        double phi = Math.toRadians(midLat);
        double w = Math.sqrt(1 - e2 * Math.sin(phi) * Math.sin(phi));
        return a * (1 - e2) / (w * w * w) * Math.toRadians(dLat) * a / w * Math.cos(phi) * Math.toRadians(dLng);
    }

    private static Polygon box(double west, double south, double east, double north) {
        return FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(west, south), new Coordinate(east, south), new Coordinate(east, north),
            new Coordinate(west, north), new Coordinate(west, south)
        });
    }

    /** The community: a 0.02° square, tiled by four 0.01° grids 001 (SW), 002 (SE), 003 (NW), 004 (NE). */
    private static Map<String, Geometry> parents() {
        return Map.of(PARENT, box(WEST, SOUTH, WEST + 2 * CELL, SOUTH + 2 * CELL));
    }

    private static List<BoundaryFeature> cleanTiling() {
        List<BoundaryFeature> grids = new ArrayList<>();
        int sequence = 1;
        for (int row = 0; row < 2; row++) {
            for (int col = 0; col < 2; col++) {
                double w = WEST + col * CELL;
                double s = SOUTH + row * CELL;
                grids.add(new BoundaryFeature(PARENT + "00" + sequence, "网格" + sequence, box(w, s, w + CELL, s + CELL)));
                sequence++;
            }
        }
        return grids;
    }

    private static List<BoundaryFeature> replace(List<BoundaryFeature> grids, int index, Geometry geometry) {
        List<BoundaryFeature> copy = new ArrayList<>(grids);
        BoundaryFeature old = copy.get(index);
        copy.set(index, new BoundaryFeature(old.code(), old.name(), geometry));
        return copy;
    }

    private final BoundaryValidator validator = new BoundaryValidator();

    @Test
    void findsAnOverlapAfterDisjointCandidates() throws Exception {
        // Four demo grids of one community; grid 001 is a copy of 002. The tree hands 001 its disjoint neighbours
        // first; a RelateNG predicate reused across evaluations (it keeps state) once hid the overlap then.
        var reader = new org.locationtech.jts.io.WKTReader();
        List<BoundaryFeature> grids = new ArrayList<>();
        Geometry community = null;
        try (var in = getClass().getResourceAsStream("/territory/geo/overlap-after-disjoint-candidates.wkt")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.split(";", 2);
                if (parts[0].equals("P")) community = reader.read(parts[1]);
                else grids.add(new BoundaryFeature(parts[0], parts[0], reader.read(parts[1])));
            }
        }
        BoundaryReport report = validator.validate(grids, Map.of("230804007001", community), COMMUNITY_OF_GRID);
        assertThat(report.errors()).anySatisfy(finding -> {
            assertThat(finding.kind()).isEqualTo(BoundaryFinding.Kind.SIBLING_OVERLAP);
            assertThat(List.of(finding.code(), finding.otherCode())).containsExactlyInAnyOrder("230804007001001", "230804007001002");
        });
    }

    @Test
    void isQuietOnACleanTiling() {
        BoundaryReport report = validator.validate(cleanTiling(), parents(), COMMUNITY_OF_GRID);
        assertThat(report.findings()).isEmpty();
        assertThat(report.isClean()).isTrue();
    }

    @Test
    void findsSiblingOverlapWithItsArea() {
        // Grid 002 (SE) reaches 0.001° too far west, into grid 001.
        List<BoundaryFeature> grids = replace(cleanTiling(), 1,
                box(WEST + CELL - 0.001, SOUTH, WEST + 2 * CELL, SOUTH + CELL));

        BoundaryReport report = validator.validate(grids, parents(), COMMUNITY_OF_GRID);

        assertThat(report.warnings()).isEmpty();
        assertThat(report.errors()).singleElement().satisfies(overlap -> {
            assertThat(overlap.kind()).isEqualTo(BoundaryFinding.Kind.SIBLING_OVERLAP);
            assertThat(overlap.code()).isEqualTo(PARENT + "001");
            assertThat(overlap.otherCode()).isEqualTo(PARENT + "002");
            double expected = area(0.001, CELL, SOUTH + CELL / 2); // ≈ 8,470 m²
            assertThat(overlap.areaSquareMetres()).isCloseTo(expected, within(expected * 1e-4));
            assertThat(overlap.location().lng()).isBetween(WEST + CELL - 0.001, WEST + CELL);
            assertThat(overlap.location().lat()).isBetween(SOUTH, SOUTH + CELL);
            assertThat(overlap.message().key()).isEqualTo(GeoMessageKeys.SIBLING_OVERLAP);
            assertThat(overlap.message().arguments()).startsWith(PARENT + "001", PARENT + "002");
        });
    }

    @Test
    void findsAChildOutsideItsParent() {
        // Grid 004 (NE) reaches 0.0005° north of the community.
        List<BoundaryFeature> grids = replace(cleanTiling(), 3,
                box(WEST + CELL, SOUTH + CELL, WEST + 2 * CELL, SOUTH + 2 * CELL + 0.0005));

        BoundaryReport report = validator.validate(grids, parents(), COMMUNITY_OF_GRID);

        assertThat(report.errors()).singleElement().satisfies(outside -> {
            assertThat(outside.kind()).isEqualTo(BoundaryFinding.Kind.OUTSIDE_PARENT);
            assertThat(outside.code()).isEqualTo(PARENT + "004");
            assertThat(outside.otherCode()).isEqualTo(PARENT);
            double expected = area(CELL, 0.0005, SOUTH + 2 * CELL);
            assertThat(outside.areaSquareMetres()).isCloseTo(expected, within(expected * 1e-4));
            assertThat(outside.location().lat()).isGreaterThan(SOUTH + 2 * CELL);
        });
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void reportsAGapAsAWarning() {
        List<BoundaryFeature> grids = new ArrayList<>(cleanTiling());
        grids.remove(2); // no grid 003 (NW)

        BoundaryReport report = validator.validate(grids, parents(), COMMUNITY_OF_GRID);

        assertThat(report.hasErrors()).isFalse();
        assertThat(report.warnings()).singleElement().satisfies(gap -> {
            assertThat(gap.kind()).isEqualTo(BoundaryFinding.Kind.GAP);
            assertThat(gap.severity()).isEqualTo(BoundaryFinding.Severity.WARNING);
            assertThat(gap.code()).isEqualTo(PARENT);
            double expected = area(CELL, CELL, SOUTH + 1.5 * CELL);
            assertThat(gap.areaSquareMetres()).isCloseTo(expected, within(expected * 1e-4));
            assertThat(gap.location().lng()).isBetween(WEST, WEST + CELL);
            assertThat(gap.location().lat()).isBetween(SOUTH + CELL, SOUTH + 2 * CELL);
            assertThat(gap.message().arguments().get(2)).isEqualTo(1);
        });
    }

    @Test
    void findsASelfIntersectingRing() {
        // Grid 001 drawn as a bow tie: the ring crosses itself in the middle of the cell.
        Polygon bowTie = FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(WEST, SOUTH), new Coordinate(WEST + CELL, SOUTH + CELL), new Coordinate(WEST + CELL, SOUTH),
            new Coordinate(WEST, SOUTH + CELL), new Coordinate(WEST, SOUTH)
        });
        List<BoundaryFeature> grids = replace(cleanTiling(), 0, bowTie);

        BoundaryReport report = validator.validate(grids, parents(), COMMUNITY_OF_GRID);

        BoundaryFinding invalid = report.errors().get(0);
        assertThat(invalid.kind()).isEqualTo(BoundaryFinding.Kind.INVALID_GEOMETRY);
        assertThat(invalid.code()).isEqualTo(PARENT + "001");
        assertThat(invalid.message().key()).isEqualTo(GeoMessageKeys.VALIDITY_SELF_INTERSECTION);
        assertThat(invalid.location().lng()).isCloseTo(WEST + CELL / 2, within(1e-9));
        assertThat(invalid.location().lat()).isCloseTo(SOUTH + CELL / 2, within(1e-9));
        // The repaired bow tie covers only half the cell, so the rest of the checks go on and find a gap.
        assertThat(report.errors()).hasSize(1);
        assertThat(report.warnings()).extracting(BoundaryFinding::kind).containsExactly(BoundaryFinding.Kind.GAP);
    }

    @Test
    void reportsAChildWhoseParentIsUnknown() {
        BoundaryReport report = validator.validate(cleanTiling(), parents(),
                code -> code.endsWith("004") ? "230803001999" : COMMUNITY_OF_GRID.apply(code));

        assertThat(report.errors()).extracting(BoundaryFinding::kind, BoundaryFinding::code, BoundaryFinding::otherCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(BoundaryFinding.Kind.PARENT_MISSING,
                        PARENT + "004", "230803001999"));
        // Without grid 004 the community has a gap.
        assertThat(report.warnings()).extracting(BoundaryFinding::kind).containsExactly(BoundaryFinding.Kind.GAP);
    }

    @Test
    void ignoresSliversBelowTheTolerance() {
        // A 0.00000001° (≈ 0.8 mm) overlap along a 1.1 km edge: about 0.85 m².
        List<BoundaryFeature> grids = replace(cleanTiling(), 1,
                box(WEST + CELL - 0.00000001, SOUTH, WEST + 2 * CELL, SOUTH + CELL));

        assertThat(new BoundaryValidator(1.0).validate(grids, parents(), COMMUNITY_OF_GRID).isClean()).isTrue();
        assertThat(new BoundaryValidator(0.1).validate(grids, parents(), COMMUNITY_OF_GRID).errors())
                .extracting(BoundaryFinding::kind).containsExactly(BoundaryFinding.Kind.SIBLING_OVERLAP);
    }

    @Test
    void rejectsANegativeTolerance() {
        assertThatThrownBy(() -> new BoundaryValidator(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BoundaryValidator(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * 3,000 grids in 30 communities, each grid with 32 vertices (edges densified as real boundaries are), shared
     * exactly between neighbours. The aim is about a second; the bound leaves room for slow CI machines, the
     * printed time is the real measure.
     */
    @Test
    void validatesThreeThousandGridsQuickly() {
        int communitiesAcross = 6;
        int communitiesDown = 5;
        int gridsPerSide = 10;
        int verticesPerEdge = 8;
        double gridSize = 0.005;
        double communitySize = gridSize * gridsPerSide;
        double step = gridSize / verticesPerEdge;
        List<BoundaryFeature> grids = new ArrayList<>();
        Map<String, Geometry> communities = new HashMap<>();
        for (int cy = 0; cy < communitiesDown; cy++) {
            for (int cx = 0; cx < communitiesAcross; cx++) {
                String community = String.format("2308030010%02d", cy * communitiesAcross + cx + 1);
                int baseI = cx * gridsPerSide * verticesPerEdge;
                int baseJ = cy * gridsPerSide * verticesPerEdge;
                communities.put(community, densifiedBox(baseI, baseJ, gridsPerSide * verticesPerEdge, step));
                int sequence = 1;
                for (int gy = 0; gy < gridsPerSide; gy++) {
                    for (int gx = 0; gx < gridsPerSide; gx++) {
                        grids.add(new BoundaryFeature(community + String.format("%03d", sequence++), null,
                                densifiedBox(baseI + gx * verticesPerEdge, baseJ + gy * verticesPerEdge, verticesPerEdge, step)));
                    }
                }
            }
        }
        assertThat(grids).hasSize(3_000);
        assertThat(communitySize).isEqualTo(0.05);

        // Warm-up with the full set: the first run in a fresh JVM is several times slower while JIT compiles.
        assertThat(validator.validate(grids, communities, COMMUNITY_OF_GRID).findings()).isEmpty();
        // Thread CPU time, not wall-clock time: the validator is single-threaded and the build machine is shared,
        // so wall-clock time mostly measures the neighbours.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        BoundaryReport report = validator.validate(grids, communities, COMMUNITY_OF_GRID);
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;
        System.out.printf("BoundaryValidator: 3,000 grids validated in %d ms CPU (%d ms wall)%n", cpuMillis, wallMillis);

        assertThat(report.findings()).isEmpty();
        assertThat(cpuMillis).isLessThan(5_000);
    }

    /**
     * A square whose corners and edge vertices lie on a lattice of spacing {@code step} from (130°E, 46.5°N),
     * computed from integer lattice indices so that neighbours produce bit-identical shared vertices.
     */
    private static Polygon densifiedBox(int i0, int j0, int n, double step) {
        List<Coordinate> ring = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            ring.add(lattice(i0 + k, j0, step));
        }
        for (int k = 0; k < n; k++) {
            ring.add(lattice(i0 + n, j0 + k, step));
        }
        for (int k = 0; k < n; k++) {
            ring.add(lattice(i0 + n - k, j0 + n, step));
        }
        for (int k = 0; k < n; k++) {
            ring.add(lattice(i0, j0 + n - k, step));
        }
        ring.add(ring.get(0));
        return FACTORY.createPolygon(ring.toArray(Coordinate[]::new));
    }

    private static Coordinate lattice(int i, int j, double step) {
        return new Coordinate(130.0 + i * step, 46.5 + j * step);
    }
}
