package cn.linli.territory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/** The locate index answers exactly what a brute-force point-in-polygon test answers, on any date. */
class LocateIndexTest {

    private static final LocalDate FROM = LocalDate.of(2023, 6, 30);
    private static final LocalDate REDRAWN = LocalDate.of(2025, 1, 1);

    static List<Geometry> tiling(long seed, int cells, Envelope area) {
        var random = new SplittableRandom(seed);
        List<Coordinate> sites = new ArrayList<>();
        for (int i = 0; i < cells; i++) {
            // Clustered sites, so some cells are far smaller than a raster cell, like urban grids.
            double spread = i % 3 == 0 ? 0.02 : 1.0;
            sites.add(new Coordinate(area.getMinX() + area.getWidth() * (0.5 + (random.nextDouble() - 0.5) * spread),
                    area.getMinY() + area.getHeight() * (0.5 + (random.nextDouble() - 0.5) * spread)));
        }
        var builder = new VoronoiDiagramBuilder();
        builder.setSites(sites);
        builder.setClipEnvelope(area);
        Geometry diagram = builder.getDiagram(BoundaryStore.WGS84);
        Geometry frame = BoundaryStore.WGS84.toGeometry(area);
        List<Geometry> polygons = new ArrayList<>();
        for (int i = 0; i < diagram.getNumGeometries(); i++) polygons.add(diagram.getGeometryN(i).intersection(frame));
        return polygons;
    }

    static long bruteForce(List<BoundaryStore.StoredBoundary> boundaries, double x, double y, LocalDate date) {
        var point = BoundaryStore.WGS84.createPoint(new Coordinate(x, y));
        for (BoundaryStore.StoredBoundary b : boundaries) {
            if (b.validOn(date) && b.geometry().covers(point)) return b.unitId();
        }
        return -1;
    }

    @Test
    void answersLikeBruteForceInsideOutsideAndNearEdges() {
        var area = new Envelope(130.0, 134.0, 46.0, 48.0);
        List<BoundaryStore.StoredBoundary> boundaries = new ArrayList<>();
        long id = 1;
        for (Geometry polygon : tiling(7, 600, area)) boundaries.add(new BoundaryStore.StoredBoundary(id++, FROM, null, polygon, true));
        var index = new LocateIndex(boundaries);
        var random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            double x = 129.9 + random.nextDouble() * 4.2;
            double y = 45.9 + random.nextDouble() * 2.2;
            long expected = bruteForce(boundaries, x, y, FROM);
            long found = index.locate(x, y, FROM);
            if (expected != found) {
                // A point exactly on a shared edge may go to either neighbour; it must still be covered by the answer.
                assertThat(found).isPositive();
                assertThat(boundaries.get((int) found - 1).geometry().covers(BoundaryStore.WGS84.createPoint(new Coordinate(x, y)))).isTrue();
            }
        }
        for (BoundaryStore.StoredBoundary b : boundaries) {
            Coordinate vertex = b.geometry().getCoordinates()[0];
            long found = index.locate(vertex.x + 1e-9, vertex.y + 1e-9, FROM);
            long expected = bruteForce(boundaries, vertex.x + 1e-9, vertex.y + 1e-9, FROM);
            assertThat(found == expected || found > 0).isTrue();
        }
        assertThat(index.locate(129.0, 47.0, FROM)).isEqualTo(-1);
        assertThat(index.locate(131.0, 47.0, FROM.minusDays(1))).isEqualTo(-1);
    }

    @Test
    void aRedrawnGridIsFoundByItsNewBoundaryAfterTheChangeAndItsOldOneBefore() {
        var area = new Envelope(130.0, 131.0, 46.0, 47.0);
        List<Geometry> before = tiling(3, 50, area);
        List<BoundaryStore.StoredBoundary> boundaries = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            boundaries.add(new BoundaryStore.StoredBoundary(i + 1, FROM, i < 2 ? REDRAWN : null, before.get(i), true));
        }
        // Grids 1 and 2 are redrawn: their union is split anew along a vertical line.
        Geometry union = before.get(0).union(before.get(1));
        Envelope e = union.getEnvelopeInternal();
        double middle = (e.getMinX() + e.getMaxX()) / 2;
        Geometry west = union.intersection(BoundaryStore.WGS84.toGeometry(new Envelope(e.getMinX(), middle, e.getMinY(), e.getMaxY())));
        Geometry east = union.intersection(BoundaryStore.WGS84.toGeometry(new Envelope(middle, e.getMaxX(), e.getMinY(), e.getMaxY())));
        boundaries.add(new BoundaryStore.StoredBoundary(1, REDRAWN, null, west, true));
        boundaries.add(new BoundaryStore.StoredBoundary(2, REDRAWN, null, east, true));
        var index = new LocateIndex(boundaries);
        var random = new SplittableRandom(5);
        for (int i = 0; i < 5_000; i++) {
            double x = e.getMinX() + random.nextDouble() * e.getWidth();
            double y = e.getMinY() + random.nextDouble() * e.getHeight();
            assertThat(index.locate(x, y, REDRAWN)).isEqualTo(bruteForce(boundaries, x, y, REDRAWN));
            assertThat(index.locate(x, y, FROM)).isEqualTo(bruteForce(boundaries, x, y, FROM));
        }
    }
}
