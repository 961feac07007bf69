package cn.linli.territory.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.io.WKBWriter;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;

/** The generated demo city, checked the way a user would look at the map: on the real 2023 division tree. */
class SyntheticGeographyTest {

    private static final long SEED = 20_230_630L;
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private static DemoNode city;
    private static DemoGeography geography;

    @BeforeAll
    static void generate() {
        city = DemoTreeFixture.jiamusi2023();
        long start = System.nanoTime();
        geography = new SyntheticGeography(SEED).generate(city);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("generated %d boundaries and %d grids in %d ms (first run in this JVM)%n",
                geography.boundaries().size(), grids().size(), millis);
        System.out.printf("vertices: city %d, all boundaries %d, all grids %d%n",
                geography.boundaries().get(city.code()).getNumPoints(),
                geography.boundaries().values().stream().mapToInt(Geometry::getNumPoints).sum(),
                grids().stream().mapToInt(g -> g.boundary().getNumPoints()).sum());
        for (DemoNode county : city.children()) {
            Geometry shape = geography.boundaries().get(county.code());
            System.out.printf("  %s %s: %.0f km² (target %.0f), %d vertices%n", county.code(), county.name(),
                    squareMetres(shape) / 1e6, targetAreas().get(county.code()), shape.getNumPoints());
        }
    }

    /** The area (km²) the layout aims at for each county: the real areas, calibrated to the city's total. */
    private static Map<String, Double> targetAreas() {
        LayoutUnit root = UnitTree.build(city, LocalPlane.around(city.lng(), city.lat()), SEED);
        Map<String, Double> targets = new java.util.HashMap<>();
        root.children.forEach(county -> targets.put(county.code, county.targetArea));
        return targets;
    }

    @Test
    void everyUnitHasOneValidPolygon() {
        List<DemoNode> units = new ArrayList<>();
        collect(city, units);
        assertThat(geography.boundaries()).hasSize(units.size());
        for (DemoNode unit : units) {
            Geometry shape = geography.boundaries().get(unit.code());
            assertThat(shape).as(unit.code()).isInstanceOf(Polygon.class);
            assertThat(shape.isValid()).as(unit.code()).isTrue();
            assertThat(shape.getSRID()).isEqualTo(4326);
        }
        assertThat(grids()).allSatisfy(grid -> assertThat(grid.boundary().isValid()).isTrue());
    }

    @Test
    void countiesContainTheirCentrePoints() {
        for (DemoNode county : city.children()) {
            Point centre = FACTORY.createPoint(new Coordinate(county.lng(), county.lat()));
            assertThat(geography.boundaries().get(county.code()).contains(centre)).as(county.name()).isTrue();
        }
    }

    @Test
    void centrePointsInsideTheirCountyLieInTheirUnit() {
        // per level (townships, communities): points, points inside their own county, and inside their own unit
        int[] total = new int[2];
        int[] inCounty = new int[2];
        int[] inside = new int[2];
        for (DemoNode county : city.children()) {
            Geometry countyShape = geography.boundaries().get(county.code());
            for (DemoNode township : county.children()) {
                count(township, 0, countyShape, total, inCounty, inside);
                township.children().forEach(community -> count(community, 1, countyShape, total, inCounty, inside));
            }
        }
        System.out.printf("centre points inside their unit: townships %d of %d (%d in their county), "
                + "communities %d of %d (%d in their county)%n",
                inside[0], total[0], inCounty[0], inside[1], total[1], inCounty[1]);
        // A county is laid out as lobes, convex cells that each hold the points of a cluster of its towns and
        // villages, so that 汤原县 can arc round the suburb's north. Inside its county, a town's and a village's
        // point are held by the power weights outright. A lobe swollen to several times its size by its
        // neighbours' points is let go of its points, so that its county keeps its area (see the areas test):
        // the few towns left outside. Townships were 38 of 74 and communities 33 of 55 before the lobes, 66 and
        // 42 with them; these bounds are what the layout reaches today.
        assertThat(inside[0]).isGreaterThanOrEqualTo(71);
        // two of 郊区's towns lie among its own street offices' points, next to the core
        assertThat(inside[0]).isGreaterThanOrEqualTo(inCounty[0] - 2);
        assertThat(inside[1]).isGreaterThanOrEqualTo(48);
    }

    @Test
    void everyCountyComesOutWithinAQuarterOfItsArea() {
        // the points must not be held at the price of the map: every county, the urban districts included,
        // within ±25 % of the area it is laid out for (抚远 was at a third of its area, 桦川 at twice its own)
        Map<String, Double> targets = targetAreas();
        for (DemoNode county : city.children()) {
            double km2 = squareMetres(geography.boundaries().get(county.code())) / 1e6;
            assertThat(km2).as(county.name()).isBetween(0.75 * targets.get(county.code()), 1.25 * targets.get(county.code()));
        }
    }

    @Test
    void childrenLieInsideTheirParent() {
        forEachParent((parent, children) -> {
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(parent);
            for (Geometry child : children) {
                if (!prepared.covers(child)) {
                    assertThat(squareMetres(child.difference(parent), parent)).isLessThan(1.0);
                }
            }
        });
    }

    @Test
    void siblingsDoNotOverlap() {
        forEachParent((parent, children) -> {
            for (int i = 0; i < children.size(); i++) {
                for (int j = i + 1; j < children.size(); j++) {
                    Geometry a = children.get(i);
                    Geometry b = children.get(j);
                    if (a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) {
                        assertThat(squareMetres(a.intersection(b), parent)).isLessThan(1.0);
                    }
                }
            }
        });
    }

    @Test
    void childrenCoverTheirParentWithoutGaps() {
        forEachParent((parent, children) -> {
            double sum = children.stream().mapToDouble(child -> squareMetres(child, parent)).sum();
            assertThat(sum).isCloseTo(squareMetres(parent, parent), org.assertj.core.data.Percentage.withPercentage(0.01));
        });
    }

    @Test
    void theCityHasAboutTwoThousandSixHundredGrids() {
        assertThat(grids()).hasSizeBetween(2_550, 2_700);
        for (DemoNode community : communities()) {
            List<DemoGrid> grids = geography.gridsByCommunity().get(community.code());
            assertThat(grids).as(community.code()).isNotEmpty();
            assertThat(grids).extracting(DemoGrid::sequence).containsExactlyElementsOf(
                    java.util.stream.IntStream.rangeClosed(1, grids.size()).boxed().toList());
            int households = grids.stream().mapToInt(DemoGrid::households).sum();
            if (!isUrban(community)) {
                assertThat(grids).hasSize(households > 600 ? 2 : 1);
            }
        }
    }

    @Test
    void urbanGridsMostlyFollowTheTwoToThreeHundredHouseholdStandard() {
        List<DemoGrid> urban = communities().stream().filter(SyntheticGeographyTest::isUrban)
                .flatMap(c -> geography.gridsByCommunity().get(c.code()).stream()).toList();
        long outside = urban.stream().filter(g -> g.households() < 200 || g.households() > 300).count();
        System.out.printf("urban grids %d, outside 200–300 households: %d (%.1f%%)%n", urban.size(), outside,
                100.0 * outside / urban.size());
        assertThat(outside).isPositive();
        assertThat((double) outside / urban.size()).isBetween(0.02, 0.10);
    }

    @Test
    void gridsAreNumberedFromNorthWestToSouthEast() {
        for (DemoNode community : communities()) {
            List<DemoGrid> grids = geography.gridsByCommunity().get(community.code());
            if (grids.size() < 2) {
                continue;
            }
            double[] lats = grids.stream().mapToDouble(g -> g.boundary().getCentroid().getY()).toArray();
            double gridHeight = Math.sqrt(geography.boundaries().get(community.code()).getArea() / grids.size())
                    / Math.cos(Math.toRadians(lats[0]));
            double north = java.util.Arrays.stream(lats).max().orElseThrow();
            double south = java.util.Arrays.stream(lats).min().orElseThrow();
            assertThat(lats[0]).as(community.code() + " grid 1").isGreaterThan(north - gridHeight);
            assertThat(lats[lats.length - 1]).as(community.code() + " last grid").isLessThan(south + gridHeight);
        }
    }

    @Test
    void outlinesHaveRealisticVertexCounts() {
        List<Integer> gridVertices = grids().stream().map(g -> g.boundary().getNumPoints()).toList();
        long typical = gridVertices.stream().filter(n -> n >= 20 && n <= 150).count();
        System.out.printf("grid vertices: min %d, max %d, mean %.0f; %.1f%% within 20–150%n",
                gridVertices.stream().mapToInt(Integer::intValue).min().orElseThrow(),
                gridVertices.stream().mapToInt(Integer::intValue).max().orElseThrow(),
                gridVertices.stream().mapToInt(Integer::intValue).average().orElseThrow(), 100.0 * typical / gridVertices.size());
        assertThat((double) typical / gridVertices.size()).isGreaterThan(0.9);
        for (DemoNode county : city.children()) {
            assertThat(geography.boundaries().get(county.code()).getNumPoints()).as(county.name()).isBetween(150, 2_000);
        }
    }

    @Test
    void urbanDistrictsAreSmallAndRuralCountiesLarge() {
        double total = 0;
        for (DemoNode county : city.children()) {
            double km2 = squareMetres(geography.boundaries().get(county.code())) / 1e6;
            total += km2;
            int digits = Integer.parseInt(county.code().substring(4, 6));
            if (digits <= 5) {
                // an urban district of Jiamusi is tens of km², not hundreds
                assertThat(km2).as(county.name()).isBetween(5.0, 150.0);
            } else {
                assertThat(km2).as(county.name()).isGreaterThan(1_000);
            }
        }
        assertThat(total).isBetween(28_000.0, 36_000.0);
    }

    @Test
    void theSuburbSurroundsTheUrbanCore() {
        List<Geometry> core = city.children().stream()
                .filter(c -> Integer.parseInt(c.code().substring(4, 6)) <= 5)
                .map(c -> geography.boundaries().get(c.code())).toList();
        Geometry coreArea = org.locationtech.jts.operation.union.UnaryUnionOp.union(core);
        assertThat(geography.boundaries().get(city.code()).getBoundary().intersects(coreArea)).isFalse();
        for (DemoNode county : city.children()) {
            if (Integer.parseInt(county.code().substring(4, 6)) > 20) {
                assertThat(geography.boundaries().get(county.code()).intersects(coreArea)).as(county.name()).isFalse();
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameCoordinatesAndAnotherSeedOthers() {
        DemoGeography again = new SyntheticGeography(SEED).generate(city);
        DemoGeography other = new SyntheticGeography(SEED + 1).generate(city);
        WKBWriter wkb = new WKBWriter();
        for (Map.Entry<String, Geometry> entry : geography.boundaries().entrySet()) {
            assertThat(wkb.write(again.boundaries().get(entry.getKey()))).as(entry.getKey()).isEqualTo(wkb.write(entry.getValue()));
        }
        geography.gridsByCommunity().forEach((code, grids) -> {
            for (int g = 0; g < grids.size(); g++) {
                assertThat(wkb.write(again.gridsByCommunity().get(code).get(g).boundary())).isEqualTo(wkb.write(grids.get(g).boundary()));
            }
        });
        assertThat(wkb.write(other.boundaries().get(city.code()))).isNotEqualTo(wkb.write(geography.boundaries().get(city.code())));
    }

    @Test
    void otherSeedsGiveSoundCitiesToo() {
        for (long seed = 1; seed <= 4; seed++) {
            DemoGeography other = new SyntheticGeography(seed).generate(city);
            assertThat(other.boundaries().values()).allSatisfy(shape -> {
                assertThat(shape).isInstanceOf(Polygon.class);
                assertThat(shape.isValid()).isTrue();
            });
            assertThat(other.gridsByCommunity().values().stream().mapToInt(List::size).sum()).isBetween(2_550, 2_700);
            for (DemoNode county : city.children()) {
                Point centre = FACTORY.createPoint(new Coordinate(county.lng(), county.lat()));
                assertThat(other.boundaries().get(county.code()).contains(centre)).as(seed + " " + county.name()).isTrue();
            }
        }
    }

    private static void count(DemoNode unit, int kind, Geometry county, int[] total, int[] inCounty, int[] inside) {
        if (unit.hasCentre()) {
            total[kind]++;
            Point p = FACTORY.createPoint(new Coordinate(unit.lng(), unit.lat()));
            if (county.covers(p)) {
                inCounty[kind]++;
                inside[kind] += geography.boundaries().get(unit.code()).covers(p) ? 1 : 0;
            }
        }
    }

    private interface ParentCheck {
        void check(Geometry parent, List<Geometry> children);
    }

    /** Every parent with its children, grids included as the children of their community. */
    private static void forEachParent(ParentCheck check) {
        List<DemoNode> units = new ArrayList<>();
        collect(city, units);
        for (DemoNode unit : units) {
            List<Geometry> children = new ArrayList<>();
            if (unit.level() == DivisionLevel.COMMUNITY) {
                geography.gridsByCommunity().get(unit.code()).forEach(g -> children.add(g.boundary()));
            } else {
                unit.children().forEach(child -> children.add(geography.boundaries().get(child.code())));
            }
            check.check(geography.boundaries().get(unit.code()), children);
        }
    }

    private static void collect(DemoNode node, List<DemoNode> out) {
        out.add(node);
        node.children().forEach(child -> collect(child, out));
    }

    private static List<DemoNode> communities() {
        List<DemoNode> all = new ArrayList<>();
        collect(city, all);
        return all.stream().filter(n -> n.level() == DivisionLevel.COMMUNITY).toList();
    }

    private static List<DemoGrid> grids() {
        return geography.gridsByCommunity().values().stream().flatMap(List::stream).toList();
    }

    private static boolean isUrban(DemoNode community) {
        int digits = DivisionCode.of(community.code()).villageDigits();
        return digits >= 1 && digits <= 199;
    }

    private static double squareMetres(Geometry geometry) {
        return squareMetres(geometry, geometry);
    }

    /** Area in m², degrees scaled by 111,320 m × cos(latitude) and 110,540 m at the reference's latitude. */
    private static double squareMetres(Geometry geometry, Geometry reference) {
        double lat = reference.getEnvelopeInternal().centre().y;
        AffineTransformation toMetres = AffineTransformation.scaleInstance(
                111_320 * Math.cos(Math.toRadians(lat)), 110_540);
        return toMetres.transform(geometry).getArea();
    }
}
