package cn.linli.territory.internal.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Places every township of the city in three steps, all by capacity-constrained power diagrams so that every
 * cell stays convex and every county one piece:
 * <ol>
 * <li>the counties share the city's domain, each county's site at the mean of its known points and its centre
 * point anchored inside it; the city's districts share one cell, so that the suburb can wrap around the core;
 * sea patches trim the domain to the city's area and are dropped;</li>
 * <li>each county's cell is split among its blocks ({@link TownshipBlocks}), township points tethering theirs;</li>
 * <li>each block is split among its townships.</li>
 * </ol>
 */
final class TownshipLayout {

    record Township(String code, double targetArea, PlanePoint point, PlanePoint hint, boolean central) {
    }

    /**
     * A county: its centre point (null if unknown), its townships, and whether it is one of the city's core
     * districts or the suburb around them.
     */
    record County(PlanePoint point, List<Township> townships, boolean core, boolean suburb) {

        boolean district() {
            return core || suburb;
        }


        double area() {
            return townships.stream().mapToDouble(Township::targetArea).sum();
        }
    }


    static final double MARGIN = 0.15;
    private static final int ITERATIONS = 30;

    private final List<County> counties;
    private final long seed;

    TownshipLayout(List<County> counties, long seed) {
        this.counties = counties;
        this.seed = seed;
    }

    /** The cells of all townships, county by county in the given order. */
    List<ConvexPolygon> layout(double cityArea) {
        List<List<Integer>> units = new ArrayList<>();
        List<Integer> districts = new ArrayList<>();
        for (int c = 0; c < counties.size(); c++) {
            if (counties.get(c).district()) {
                districts.add(c);
            } else {
                units.add(List.of(c));
            }
        }
        if (!districts.isEmpty()) {
            units.add(0, districts);
        }
        List<ConvexPolygon> unitCells = new CountyLayout(counties, units, MARGIN).layout(cityArea);
        List<List<ConvexPolygon>> cellsByCounty = new ArrayList<>();
        for (int c = 0; c < counties.size(); c++) {
            cellsByCounty.add(null);
        }
        for (int u = 0; u < units.size(); u++) {
            splitUnit(units.get(u), unitCells.get(u), cellsByCounty);
        }
        List<ConvexPolygon> all = new ArrayList<>();
        cellsByCounty.forEach(all::addAll);
        return all;
    }

    private void splitUnit(List<Integer> unit, ConvexPolygon cell, List<List<ConvexPolygon>> cellsByCounty) {
        List<TownshipBlocks.Block> blocks = new ArrayList<>();
        List<Integer> blockCounty = new ArrayList<>();
        for (int c : unit) {
            for (TownshipBlocks.Block block : TownshipBlocks.of(counties.get(c).townships(), counties.get(c).point())) {
                blocks.add(block);
                blockCounty.add(c);
            }
            cellsByCounty.set(c, new ArrayList<>(java.util.Collections.nCopies(counties.get(c).townships().size(), null)));
        }
        List<CellSplit.Child> children = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            TownshipBlocks.Block block = blocks.get(b);
            List<Township> members = block.members().stream().map(counties.get(blockCounty.get(b)).townships()::get).toList();
            double area = members.stream().mapToDouble(Township::targetArea).sum();
            Township only = members.size() == 1 ? members.get(0) : null;
            children.add(new CellSplit.Child(area, block.anchor() == null ? List.of() : List.of(block.anchor()),
                    only == null ? null : only.point(), only == null ? null : only.hint(), false));
        }
        String key = counties.get(unit.get(0)).townships().get(0).code();
        List<ConvexPolygon> blockCells = CellSplit.split(cell, children, null, Seeds.random(seed, "blocks", key),
                ITERATIONS, MARGIN * 0.8);
        for (int b = 0; b < blocks.size(); b++) {
            List<Integer> members = blocks.get(b).members();
            County county = counties.get(blockCounty.get(b));
            List<ConvexPolygon> split = members.size() == 1 ? List.of(blockCells.get(b))
                    : splitBlock(blocks.get(b), county, blockCells.get(b));
            for (int m = 0; m < members.size(); m++) {
                cellsByCounty.get(blockCounty.get(b)).set(members.get(m), split.get(m));
            }
        }
    }

    private List<ConvexPolygon> splitBlock(TownshipBlocks.Block block, County county, ConvexPolygon cell) {
        int seat = TownshipBlocks.seatOf(county.townships(), county.point());
        List<CellSplit.Child> children = new ArrayList<>();
        for (int t : block.members()) {
            Township township = county.townships().get(t);
            List<PlanePoint> anchors = t == seat && block.anchor() != null ? List.of(block.anchor()) : List.of();
            children.add(new CellSplit.Child(township.targetArea(), anchors, township.point(), township.hint(),
                    township.central()));
        }
        return CellSplit.split(cell, children, block.anchor(), Seeds.random(seed, "block", county.townships().get(seat).code()),
                ITERATIONS, MARGIN * 0.6);
    }
}
