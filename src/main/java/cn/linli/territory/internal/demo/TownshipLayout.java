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

    /**
     * A township: its centre point and its communities' points (null or empty when unknown), a rough position,
     * and whether it is a street office.
     */
    record Township(String code, double targetArea, PlanePoint point, List<PlanePoint> communities, PlanePoint hint,
            boolean central) {

        /**
         * The points its cell must contain: its own and its communities', since a community's point can only lie
         * in the community if it lies in the township first.
         */
        List<PlanePoint> anchors() {
            List<PlanePoint> all = new ArrayList<>();
            if (point != null) {
                all.add(point);
            }
            all.addAll(communities);
            return all;
        }
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


    /**
     * A part of a layout unit that gets one convex cell of its own: a cluster of the unit's townships that lie
     * together. The main lobe holds the county seats (and the urban core) and the townships whose place is
     * unknown; a county of several lobes is the union of their cells, so it need not be convex.
     */
    record Lobe(int unit, List<Integer> counties, List<Township> townships, boolean main, boolean loose) {

        Lobe(int unit, List<Integer> counties, List<Township> townships, boolean main) {
            this(unit, counties, townships, main, false);
        }
    }

    static final double MARGIN = 0.15;
    private static final int ITERATIONS = 12;

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
        List<Lobe> lobes = Lobes.of(counties, units);
        List<ConvexPolygon> lobeCells;
        while (true) {
            lobeCells = new CountyLayout(counties, lobes, MARGIN).layout(cityArea);
            List<Lobe> merged = Lobes.joinDetached(lobes, lobeCells);
            if (merged == null) {
                merged = Lobes.loosenSwollen(lobes, lobeCells);
            }
            if (merged == null) {
                break;
            }
            lobes = merged;
        }
        java.util.Map<Township, ConvexPolygon> cells = new java.util.IdentityHashMap<>();
        for (int l = 0; l < lobes.size(); l++) {
            splitUnit(lobes.get(l), lobeCells.get(l), MARGIN * 0.8, cells);
        }
        List<ConvexPolygon> all = new ArrayList<>();
        for (County county : counties) {
            county.townships().forEach(t -> all.add(cells.get(t)));
        }
        return all;
    }

    /** The lobe's part of each of its counties; the seat only where the lobe is its county's main one. */
    private List<County> partsOf(Lobe lobe) {
        List<County> parts = new ArrayList<>();
        for (int c = 0; c < counties.size(); c++) {
            County county = counties.get(c);
            if (!lobe.counties().contains(c)) {
                parts.add(new County(null, List.of(), county.core(), county.suburb()));
                continue;
            }
            List<Township> own = county.townships().stream()
                    .filter(t -> lobe.townships().stream().anyMatch(x -> x == t)).toList();
            parts.add(new County(lobe.main() ? county.point() : null, own, county.core(), county.suburb()));
        }
        return parts;
    }

    /**
     * Splits a unit's cell among the blocks of its counties. The urban core counts as one block at first and
     * is split among its districts afterwards: a compact core of three small districts is something power
     * cells can draw, three small cells dotted about a 2,000 km² suburb is not. The core block is anchored at
     * the middle of its districts' centre points, and where it does not cover them all, at every one of them.
     */
    private void splitUnit(Lobe lobe, ConvexPolygon cell, double margin, java.util.Map<Township, ConvexPolygon> cellsOf) {
        List<County> counties = partsOf(lobe);
        List<Integer> unit = lobe.counties().stream().filter(c -> !counties.get(c).townships().isEmpty()).toList();
        List<Integer> core = unit.stream().filter(c -> counties.get(c).core()).toList();
        boolean coreBlock = !core.isEmpty() && core.size() < unit.size();
        List<PlanePoint> corePoints = core.stream().map(c -> counties.get(c).point()).filter(p -> p != null).toList();
        List<TownshipBlocks.Block> blocks = new ArrayList<>();
        List<Integer> blockCounty = new ArrayList<>();
        List<CellSplit.Child> children = new ArrayList<>();
        if (coreBlock) {
            blocks.add(null);
            blockCounty.add(-1);
            children.add(new CellSplit.Child(core.stream().mapToDouble(c -> counties.get(c).area()).sum(),
                    corePoints.isEmpty() ? List.of() : List.of(PlanePoint.meanOf(corePoints)), null, null, true));
        }
        for (int c : unit) {
            County county = counties.get(c);
            if (coreBlock && county.core()) {
                continue;
            }
            for (TownshipBlocks.Block block : TownshipBlocks.of(county.townships(), county.point(), county.core())) {
                List<Township> members = block.members().stream().map(county.townships()::get).toList();
                Township only = members.size() == 1 ? members.get(0) : null;
                children.add(new CellSplit.Child(members.stream().mapToDouble(Township::targetArea).sum(),
                        blockAnchors(block, members, county.core()), only == null ? null : only.point(),
                        only == null ? null : only.hint(), false));
                blocks.add(block);
                blockCounty.add(c);
            }
        }
        if (coreBlock && !corePoints.isEmpty()) {
            List<PlanePoint> seats = unit.stream().map(c -> counties.get(c).point()).filter(p -> p != null).toList();
            clearOfCore(children, PlanePoint.meanOf(corePoints), Math.sqrt(children.get(0).weight() / Math.PI), seats);
        }
        String key = counties.get(unit.get(0)).townships().get(0).code();
        // the core's districts are drawn as sectors, sized exactly; power cells pinned by their seats were not
        boolean districts = !core.isEmpty() && core.size() == unit.size();
        List<ConvexPolygon> blockCells = districts ? sectors(cell, children, corePoints, margin) : null;
        if (blockCells == null) {
            blockCells = CellSplit.split(cell, coreBlock ? keepingCoreSize(children, cell.area(), 1) : children, null,
                    Seeds.random(seed, "blocks", key), ITERATIONS, margin);
        }
        if (coreBlock && !covers(blockCells.get(0), corePoints, margin)) {
            // anchored at every district's centre rather than grown: a grown core's extra land went wholly to the
            // district on its open side, which came out several times its size
            children.set(0, new CellSplit.Child(children.get(0).weight(), corePoints, null, null, true));
            blockCells = CellSplit.split(cell, keepingCoreSize(children, cell.area(), 1), null,
                    Seeds.random(seed, "blocks", key), ITERATIONS, margin);
        }
        for (int b = 0; b < blocks.size(); b++) {
            if (blocks.get(b) == null) {
                List<Township> coreTownships = new ArrayList<>();
                core.forEach(c -> coreTownships.addAll(counties.get(c).townships()));
                splitUnit(new Lobe(-1, core, coreTownships, true), blockCells.get(b), margin * 0.9, cellsOf);
                continue;
            }
            List<Integer> members = blocks.get(b).members();
            County county = counties.get(blockCounty.get(b));
            List<ConvexPolygon> split = members.size() == 1 ? List.of(blockCells.get(b))
                    : splitBlock(blocks.get(b), county, blockCells.get(b), margin * 0.8);
            for (int m = 0; m < members.size(); m++) {
                cellsOf.put(county.townships().get(members.get(m)), split.get(m));
            }
        }
    }

    /**
     * A block holds its seat's anchor and the points of its townships and their communities; a lone township's
     * own point is left to {@link CentrePoints}' size check, and an urban district's communities' points to the
     * split of the district, since the core's residents' committees are dotted so far apart that holding them all
     * would swell a district of tens of km² to hundreds.
     */
    private static List<PlanePoint> blockAnchors(TownshipBlocks.Block block, List<Township> members, boolean core) {
        List<PlanePoint> anchors = new ArrayList<>();
        if (block.anchor() != null) {
            anchors.add(block.anchor());
        }
        for (Township t : members) {
            if (t.point() != null && !anchors.contains(t.point())) {
                anchors.add(t.point());
            }
            if (!core) {
                anchors.addAll(t.communities());
            }
        }
        return anchors;
    }

    /**
     * The suburb's points that lie within the urban core's own radius are given up: the suburb's street offices
     * have residents' committees amid the core's, and holding them would push the core's border out all round,
     * swelling the core districts to several times their size. The suburb's own centre point is always kept.
     */
    private static void clearOfCore(List<CellSplit.Child> children, PlanePoint centre, double radius,
            List<PlanePoint> seats) {
        for (int c = 1; c < children.size(); c++) {
            CellSplit.Child child = children.get(c);
            List<PlanePoint> kept = child.anchors().stream()
                    .filter(p -> p.distanceTo(centre) > radius || seats.contains(p)).toList();
            PlanePoint point = child.point() == null || child.point().distanceTo(centre) > radius ? child.point() : null;
            children.set(c, new CellSplit.Child(child.weight(), kept, point, child.hint(), child.central()));
        }
    }

    /** The core's districts as sectors around the middle of their seats; null where that cannot hold their points. */
    private static List<ConvexPolygon> sectors(ConvexPolygon cell, List<CellSplit.Child> children,
            List<PlanePoint> seats, double margin) {
        if (seats.isEmpty()) {
            return null;
        }
        double total = children.stream().mapToDouble(CellSplit.Child::weight).sum();
        double[] areas = new double[children.size()];
        List<List<PlanePoint>> points = new ArrayList<>();
        for (int c = 0; c < children.size(); c++) {
            areas[c] = cell.area() * children.get(c).weight() / total;
            // a point the cell does not hold by the margin cannot be held by any of its parts either
            points.add(children.get(c).anchors().stream().filter(p -> cell.insideDistance(p.x(), p.y()) >= margin).toList());
        }
        return CoreSectors.split(cell, PlanePoint.meanOf(seats), areas, points, margin);
    }

    private static boolean covers(ConvexPolygon cell, List<PlanePoint> points, double margin) {
        return points.stream().allMatch(p -> cell.insideDistance(p.x(), p.y()) >= margin);
    }

    /**
     * The core keeps its own size when the districts' cell came out larger or smaller than planned; the
     * difference goes to the suburb, where a few km² more or less per township do not show.
     */
    private static List<CellSplit.Child> keepingCoreSize(List<CellSplit.Child> children, double cellArea, double growth) {
        double core = children.get(0).weight() * growth;
        double others = children.stream().skip(1).mapToDouble(CellSplit.Child::weight).sum();
        if (cellArea < 2 * core || others <= 0) {
            return children;
        }
        CellSplit.Child first = children.get(0);
        List<CellSplit.Child> scaled = new ArrayList<>(List.of(
                new CellSplit.Child(core, first.anchors(), first.point(), first.hint(), first.central())));
        double factor = (cellArea - core) / others;
        children.stream().skip(1).forEach(c -> scaled.add(
                new CellSplit.Child(c.weight() * factor, c.anchors(), c.point(), c.hint(), c.central())));
        return scaled;
    }

    private List<ConvexPolygon> splitBlock(TownshipBlocks.Block block, County county, ConvexPolygon cell, double margin) {
        int seat = TownshipBlocks.seatOf(county.townships(), county.point());
        List<CellSplit.Child> children = new ArrayList<>();
        for (int t : block.members()) {
            Township township = county.townships().get(t);
            List<PlanePoint> anchors = new ArrayList<>();
            if (t == seat && block.anchor() != null) {
                anchors.add(block.anchor());
            }
            anchors.addAll(township.anchors());
            children.add(new CellSplit.Child(township.targetArea(), anchors, null, township.hint(), township.central()));
        }
        return CellSplit.split(cell, children, block.anchor(), Seeds.random(seed, "block", county.townships().get(seat).code()),
                ITERATIONS, margin);
    }
}
