package cn.linli.territory.internal.demo;

import java.util.ArrayList;
import java.util.List;

import cn.linli.shared.DivisionLevel;

/**
 * Gives every township, community and grid its straight convex cell and every splitting unit its warp.
 * Real centre points are pulled back through the warps before they anchor a cell ("where must the point be
 * before bending so that it lands on the real spot"), which is why a unit's final, bent boundary still
 * contains its centre point: a township's final shape is the city warp of its cell, a community's the city
 * warp of its township's warp of its cell.
 */
final class CityLayout {

    private static final int COMMUNITY_ITERATIONS = 10;
    private static final int GRID_ITERATIONS = 6;

    private final LocalPlane plane;
    private final PlaneWarp cityWarp;
    private final long seed;
    private final java.util.Map<String, PlanePoint> unbent = new java.util.HashMap<>();

    CityLayout(LocalPlane plane, PlaneWarp cityWarp, long seed) {
        this.plane = plane;
        this.cityWarp = cityWarp;
        this.seed = seed;
    }

    void place(LayoutUnit city) {
        List<LayoutUnit> townships = new ArrayList<>();
        List<TownshipLayout.County> counties = new ArrayList<>();
        for (LayoutUnit county : city.children) {
            List<TownshipLayout.Township> specs = new ArrayList<>();
            for (LayoutUnit township : county.children) {
                townships.add(township);
                specs.add(new TownshipLayout.Township(township.code, township.targetArea, unbent(township.node),
                        township.node.children().stream().map(this::unbent).filter(p -> p != null).toList(),
                        hint(township.node), isStreet(township)));
            }
            counties.add(new TownshipLayout.County(unbent(county.node), specs,
                    county.setting.kind() == CountySetting.Kind.CORE_DISTRICT,
                    county.setting.kind() == CountySetting.Kind.SUBURB_DISTRICT));
        }
        List<ConvexPolygon> cells = new TownshipLayout(counties, seed).layout(UnitTree.CITY_AREA);
        for (int t = 0; t < townships.size(); t++) {
            townships.get(t).cell = cells.get(t);
        }
        for (LayoutUnit township : townships) {
            PlanePoint seat = unbent(township.node);
            if (seat == null && township.parent.node.hasCentre()) {
                seat = unbent(township.parent.node);
            }
            splitAmongChildren(township, seat);
            for (LayoutUnit community : township.children) {
                splitAmongChildren(community, null);
            }
        }
    }

    private void splitAmongChildren(LayoutUnit unit, PlanePoint realSeat) {
        if (unit.children.isEmpty()) {
            return;
        }
        if (unit.children.size() > 1) {
            unit.childWarp = new CellWarp(unit.cell, unit.childScale(), Seeds.mix(seed, "warp-" + unit.code));
        }
        boolean grids = unit.level == DivisionLevel.COMMUNITY;
        List<CellSplit.Child> children = new ArrayList<>();
        for (LayoutUnit child : unit.children) {
            // a community's point anchors it outright: the parent's other points are its siblings', all of them
            // worth keeping, and there is no large unit whose cell a small one's point would have to give way to
            PlanePoint anchor = grids ? null : unbentWithin(unit, child.node);
            children.add(new CellSplit.Child(grids ? child.households : child.targetArea,
                    anchor == null ? List.of() : List.of(anchor), null, null, child.urban));
        }
        PlanePoint seat = realSeat == null ? null : unit.childWarp.invert(realSeat);
        double margin = Math.min(0.1, 0.05 * unit.childScale());
        List<ConvexPolygon> cells = CellSplit.split(unit.cell, children, seat,
                Seeds.random(seed, "split", unit.code), grids ? GRID_ITERATIONS : COMMUNITY_ITERATIONS, margin);
        for (int i = 0; i < cells.size(); i++) {
            unit.children.get(i).cell = cells.get(i);
        }
    }

    private static boolean isStreet(LayoutUnit township) {
        return cn.linli.shared.DivisionCode.of(township.code).townshipDigits() < 100;
    }

    /** Where a real centre point must lie before the city warp bends it onto its real position. */
    private PlanePoint unbent(DemoNode node) {
        if (node == null || !node.hasCentre()) {
            return null;
        }
        return unbent.computeIfAbsent(node.code(), code -> cityWarp.invert(plane.toPlane(node.lng(), node.lat())));
    }

    private PlanePoint unbentWithin(LayoutUnit parent, DemoNode node) {
        PlanePoint p = unbent(node);
        return p == null ? null : parent.childWarp.invert(p);
    }

    /** A township without a centre point still has a rough place: the mean of its communities' points. */
    private PlanePoint hint(DemoNode township) {
        double x = 0;
        double y = 0;
        int n = 0;
        for (DemoNode community : township.children()) {
            if (community.hasCentre()) {
                PlanePoint p = plane.toPlane(community.lng(), community.lat());
                x += p.x();
                y += p.y();
                n++;
            }
        }
        return n == 0 ? null : new PlanePoint(x / n, y / n);
    }
}
