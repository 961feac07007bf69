package cn.linli.territory.internal.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import cn.linli.shared.DivisionLevel;

/**
 * Generates plausible, reproducible boundaries for the demo city, whose real boundaries are not public. Units
 * are laid out as convex power cells around their real centre points, nested level by level (counties,
 * townships, communities, grids) so that every child lies in its parent. The grids' straight cells are then
 * joined into one exact planar map, their borders densified and bent by smooth fold-free warps, and every
 * higher unit is the exact union of its grids: children tile their parents without gaps or overlaps, and the
 * grids tile the whole city. The same seed and tree always give the same coordinates, bit for bit.
 */
public final class SyntheticGeography {

    private static final int SRID = 4326;

    private final long seed;

    public SyntheticGeography(long seed) {
        this.seed = seed;
    }

    public DemoGeography generate(DemoNode city) {
        LocalPlane plane = planeAround(city);
        PlaneWarp cityWarp = new CityWarp(seed, LeafOutlines.CITY_SCALE / 2);
        LayoutUnit root = UnitTree.build(city, plane, seed);
        new CityLayout(plane, cityWarp, seed).place(root);
        List<LayoutUnit> leaves = new ArrayList<>();
        root.collectLeaves(leaves);
        LeafTopology topology = new LeafTopology(leaves.stream().map(u -> u.cell).toList());
        GeometryFactory factory = new GeometryFactory(LeafOutlines.precision(), SRID);
        LeafOutlines outlines = new LeafOutlines(topology, leaves, cityWarp, plane, factory);
        Map<LayoutUnit, Geometry> shapes = new LinkedHashMap<>();
        for (int i = 0; i < leaves.size(); i++) {
            shapes.put(leaves.get(i), outlines.outline(i));
        }
        Map<String, Geometry> boundaries = new LinkedHashMap<>();
        Map<String, List<DemoGrid>> grids = new LinkedHashMap<>();
        assemble(root, shapes, boundaries, grids, plane);
        return new DemoGeography(boundaries, grids);
    }

    private static Geometry assemble(LayoutUnit unit, Map<LayoutUnit, Geometry> shapes, Map<String, Geometry> boundaries,
            Map<String, List<DemoGrid>> grids, LocalPlane plane) {
        Geometry shape = shapes.get(unit);
        if (shape == null) {
            List<Geometry> parts = new ArrayList<>();
            for (LayoutUnit child : unit.children) {
                parts.add(assemble(child, shapes, boundaries, grids, plane));
            }
            shape = parts.size() == 1 ? parts.get(0) : CoverageUnion.union(parts.toArray(Geometry[]::new));
        }
        if (unit.level == DivisionLevel.COMMUNITY) {
            List<Polygon> outlines = unit.children.stream().map(g -> (Polygon) shapes.get(g)).toList();
            List<Integer> households = unit.children.stream().map(g -> g.households).toList();
            grids.put(unit.code, GridOrder.numbered(outlines, households, plane.kmPerLngDegree(), plane.kmPerLatDegree()));
        }
        if (unit.level != DivisionLevel.GRID) {
            boundaries.put(unit.code, shape);
        }
        return shape;
    }

    /** The working plane centres on the city's point, or on the mean of whatever points its units have. */
    private static LocalPlane planeAround(DemoNode city) {
        if (city.hasCentre()) {
            return LocalPlane.around(city.lng(), city.lat());
        }
        List<DemoNode> withPoints = new ArrayList<>();
        collectWithPoints(city, withPoints);
        if (withPoints.isEmpty()) {
            return LocalPlane.around(130.32, 46.80);
        }
        return LocalPlane.around(withPoints.stream().mapToDouble(DemoNode::lng).average().orElseThrow(),
                withPoints.stream().mapToDouble(DemoNode::lat).average().orElseThrow());
    }

    private static void collectWithPoints(DemoNode node, List<DemoNode> out) {
        if (node.hasCentre()) {
            out.add(node);
        }
        node.children().forEach(child -> collectWithPoints(child, out));
    }
}
