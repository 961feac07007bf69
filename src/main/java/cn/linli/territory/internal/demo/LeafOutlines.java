package cn.linli.territory.internal.demo;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

import cn.linli.shared.DivisionLevel;

/**
 * Turns the leaf rings into final polygons: every edge is densified, every point is bent by the warps of the
 * leaf's community, township and city, converted to degrees and rounded to 1e-7°. Each of these steps is a
 * pure function of the point, and an edge is densified from its lower vertex id whichever side asks, so the
 * two sides of a border come out identical without ever being compared.
 */
final class LeafOutlines {

    /** Points per typical child size along a border: about fifty per grid outline. */
    private static final double SAMPLES_PER_SCALE = 12;
    /** The city-level scale (km) that caps the point spacing of county and township borders. */
    static final double CITY_SCALE = 16;

    private final LeafTopology topology;
    private final List<LayoutUnit> leaves;
    private final PlaneWarp cityWarp;
    private final LocalPlane plane;
    private final GeometryFactory factory;

    LeafOutlines(LeafTopology topology, List<LayoutUnit> leaves, PlaneWarp cityWarp, LocalPlane plane, GeometryFactory factory) {
        this.topology = topology;
        this.leaves = leaves;
        this.cityWarp = cityWarp;
        this.plane = plane;
        this.factory = factory;
    }

    static PrecisionModel precision() {
        return new PrecisionModel(1e7);
    }

    Polygon outline(int leaf) {
        int[] ring = topology.ring(leaf);
        List<Coordinate> coordinates = new ArrayList<>();
        double[] xy = new double[2];
        for (int i = 0; i < ring.length; i++) {
            int u = ring[i];
            int v = ring[(i + 1) % ring.length];
            double spacing = spacing(leaves.get(leaf), topology.neighbour(u, v));
            double[][] points = densified(u, v, spacing);
            for (double[] p : points) {
                xy[0] = p[0];
                xy[1] = p[1];
                bend(leaves.get(leaf), xy);
                Coordinate c = new Coordinate(factory.getPrecisionModel().makePrecise(plane.lng(xy[0])),
                        factory.getPrecisionModel().makePrecise(plane.lat(xy[1])));
                if (coordinates.isEmpty() || !coordinates.get(coordinates.size() - 1).equals2D(c)) {
                    coordinates.add(c);
                }
            }
        }
        if (coordinates.size() > 1 && coordinates.get(0).equals2D(coordinates.get(coordinates.size() - 1))) {
            coordinates.remove(coordinates.size() - 1);
        }
        coordinates.add(coordinates.get(0).copy());
        return factory.createPolygon(coordinates.toArray(Coordinate[]::new));
    }

    /** The start vertex and the inner points of the edge, computed from its lower vertex id. */
    private double[][] densified(int u, int v, double spacing) {
        int low = Math.min(u, v);
        int high = Math.max(u, v);
        double ax = topology.x(low);
        double ay = topology.y(low);
        double bx = topology.x(high);
        double by = topology.y(high);
        double length = Math.sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
        int pieces = Math.max(1, (int) Math.ceil(length / spacing));
        double[][] points = new double[pieces][];
        for (int k = 0; k < pieces; k++) {
            double t = (double) k / pieces;
            points[k] = k == 0 ? new double[] {ax, ay} : new double[] {ax + t * (bx - ax), ay + t * (by - ay)};
        }
        if (low == u) {
            return points;
        }
        double[][] reversed = new double[pieces][];
        reversed[0] = new double[] {bx, by};
        for (int k = 1; k < pieces; k++) {
            reversed[k] = points[pieces - k];
        }
        return reversed;
    }

    /**
     * Point spacing of an edge, from the smallest unit both sides belong to: the borders between a community's
     * grids follow the grids' size, those between a township's communities the communities' size, and so on.
     * Each warp only bends the borders inside its unit, with wiggles no shorter than the spacing allows.
     */
    private double spacing(LayoutUnit leaf, int neighbourIndex) {
        LayoutUnit other = neighbourIndex < 0 ? null : leaves.get(neighbourIndex);
        LayoutUnit common = commonAncestor(leaf, other);
        double scale;
        if (common.level == DivisionLevel.COMMUNITY || common.level == DivisionLevel.TOWNSHIP) {
            scale = Math.min(common.childScale(), sizeBelow(leaf, common, other));
        } else {
            scale = Math.min(CITY_SCALE, sizeBelow(leaf, null, other));
        }
        return scale / SAMPLES_PER_SCALE;
    }

    private static double sizeBelow(LayoutUnit leaf, LayoutUnit common, LayoutUnit other) {
        double size = Math.sqrt(childOf(leaf, common).cell.area());
        if (other != null) {
            size = Math.min(size, Math.sqrt(childOf(other, common).cell.area()));
        }
        return size;
    }

    /** The ancestor of {@code unit} directly below {@code common}; below the city that is the township. */
    private static LayoutUnit childOf(LayoutUnit unit, LayoutUnit common) {
        LayoutUnit u = unit;
        if (common == null) {
            while (u.level != DivisionLevel.TOWNSHIP) {
                u = u.parent;
            }
            return u;
        }
        while (u.parent != common) {
            u = u.parent;
        }
        return u;
    }

    private static LayoutUnit commonAncestor(LayoutUnit a, LayoutUnit b) {
        if (b == null) {
            LayoutUnit root = a;
            while (root.parent != null) {
                root = root.parent;
            }
            return root;
        }
        for (LayoutUnit x = a; x != null; x = x.parent) {
            for (LayoutUnit y = b; y != null; y = y.parent) {
                if (x == y) {
                    return x;
                }
            }
        }
        throw new IllegalStateException("units of two cities");
    }

    private void bend(LayoutUnit leaf, double[] xy) {
        for (LayoutUnit unit = leaf.parent; unit != null; unit = unit.parent) {
            unit.childWarp.apply(xy);
        }
        cityWarp.apply(xy);
    }
}
