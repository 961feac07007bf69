package cn.linli.territory.internal.demo;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Splits a convex region into power cells of given areas: free sites drift to their cells' centroids (Lloyd),
 * weights are solved so that every cell gets its target area, and anchored sites keep their anchor points
 * inside their cells by a margin. A tethered site stays on its point, which its cell then usually covers,
 * without that being forced at the price of the areas.
 */
final class PowerPartition {

    /**
     * A unit to place: its target area (km²), the points its cell must contain, a point its site stays on,
     * where a free site starts, and whether it may end up without land (sea may, a unit may not).
     */
    record Site(double targetArea, List<PlanePoint> anchors, PlanePoint tether, PlanePoint start, boolean expendable) {

        Site(double targetArea, List<PlanePoint> anchors, PlanePoint tether, PlanePoint start) {
            this(targetArea, anchors, tether, start, false);
        }
    }

    private static final double LLOYD_STEP = 0.8;
    private static final double AREA_TOLERANCE = 0.01;
    /** A cell with less than this share of its area counts as empty. */
    private static final double SLIVER = 1e-3;

    private final ConvexPolygon bound;
    private final int n;
    private final double[] xs;
    private final double[] ys;
    private final double[] ws;
    private final double[] targets;
    private final List<Site> sites;
    private final PlanePoint[] keepers;
    private final double[] reach;
    private final double margin;
    private final ConvexPolygon[] cells;
    private final AnchorConstraints constraints;

    PowerPartition(ConvexPolygon bound, List<Site> sites, double margin) {
        this.bound = bound.relabelled(ConvexPolygon.OUTER);
        this.sites = sites;
        this.n = sites.size();
        this.margin = margin;
        xs = new double[n];
        ys = new double[n];
        ws = new double[n];
        targets = new double[n];
        keepers = new PlanePoint[n];
        reach = new double[n];
        cells = new ConvexPolygon[n];
        for (int i = 0; i < n; i++) {
            Site site = sites.get(i);
            targets[i] = site.targetArea();
            // a site stays on its tether or else on its anchors, so that weights alone can keep anchors inside
            keepers[i] = site.tether() != null ? site.tether()
                    : site.anchors().isEmpty() ? null : PlanePoint.meanOf(site.anchors());
            PlanePoint start = SitePlacement.inside(this.bound, keepers[i] != null ? keepers[i] : site.start());
            xs[i] = start.x();
            ys[i] = start.y();
            for (int j = 0; j < i; j++) {
                if (xs[j] == xs[i] && ys[j] == ys[i]) {
                    // coinciding sites have no bisector and would both claim everything
                    xs[i] += 1e-6 * (i - j);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            // a tethered site stays put; an anchored one may drift towards its cell's centre a little
            reach[i] = keepers[i] == null || sites.get(i).tether() == null && sites.get(i).anchors().size() > 1
                    ? Double.POSITIVE_INFINITY
                    : sites.get(i).tether() != null ? 0 : SitePlacement.anchoredReach(sites, i, keepers[i], targets[i]);
        }
        List<List<PlanePoint>> anchors = sites.stream().map(Site::anchors).toList();
        if (!new AnchorConstraints(xs, ys, anchors, margin).feasible(ws)) {
            // sites amid their anchors cannot hold them all: move the sites to where they can, or nearly
            anchors = SiteSeparation.separate(xs, ys, anchors, margin);
            for (int i = 0; i < n; i++) {
                if (!anchors.get(i).isEmpty()) {
                    keepers[i] = new PlanePoint(xs[i], ys[i]);
                }
            }
        }
        constraints = new AnchorConstraints(xs, ys, anchors, margin);
        constraints.makeFeasible();
    }

    private boolean anchoredSitesStay;

    /** Sites with anchors keep the places where their anchors can be held; only free sites move. */
    PowerPartition anchoredSitesStay() {
        anchoredSitesStay = true;
        return this;
    }

    PowerPartition relax(int iterations) {
        PowerWeights weights = new PowerWeights(bound, xs, ys, ws, targets, cells, constraints);
        weights.solve(40, AREA_TOLERANCE);
        double[] previousX = new double[n];
        double[] previousY = new double[n];
        for (int round = 0; round < iterations; round++) {
            System.arraycopy(xs, 0, previousX, 0, n);
            System.arraycopy(ys, 0, previousY, 0, n);
            for (int i = 0; i < n; i++) {
                if (cells[i] != null && reach[i] > 0 && !(anchoredSitesStay && !constraints.anchorsOf(i).isEmpty())) {
                    PlanePoint c = cells[i].centroid();
                    xs[i] += LLOYD_STEP * (c.x() - xs[i]);
                    ys[i] += LLOYD_STEP * (c.y() - ys[i]);
                    keepNear(i);
                }
            }
            if (!constraints.feasible(ws)) {
                // an anchored site goes only where its anchors can still be held: tried one by one
                for (int i = 0; i < n; i++) {
                    if (!constraints.anchorsOf(i).isEmpty() && (xs[i] != previousX[i] || ys[i] != previousY[i])) {
                        double x = xs[i];
                        double y = ys[i];
                        xs[i] = previousX[i];
                        ys[i] = previousY[i];
                        previousX[i] = x;
                        previousY[i] = y;
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (!constraints.anchorsOf(i).isEmpty() && (xs[i] != previousX[i] || ys[i] != previousY[i])) {
                        double x = xs[i];
                        double y = ys[i];
                        xs[i] = previousX[i];
                        ys[i] = previousY[i];
                        if (!constraints.feasible(ws)) {
                            xs[i] = x;
                            ys[i] = y;
                        }
                    }
                }
            }
            weights.solve(3, 3 * AREA_TOLERANCE);
        }
        for (int round = 0; round < 3; round++) {
            weights.solve(6, AREA_TOLERANCE);
        }
        for (int attempt = 0; attempt < 10; attempt++) {
            constraints.project(ws);
            computeCells();
            if (!rescueEmptyCells()) {
                return this;
            }
            weights.solve(10, AREA_TOLERANCE);
        }
        // land for every unit comes before anchors: a unit without land would break the whole tree
        while (rescueEmptyCells()) {
            weights.solve(10, AREA_TOLERANCE);
        }
        return this;
    }

    /**
     * Moves the site of every empty cell into the unanchored cell with the most land to spare, with that cell's
     * weight: a site inside another's cell with an equal weight always wins the land around itself, and away
     * from anchors the anchors' guard has no reason to squeeze it out again.
     */
    private boolean rescueEmptyCells() {
        boolean any = false;
        for (int i = 0; i < n; i++) {
            // a sliver of a few square metres is no land either: its outline would fold onto itself when bent
            if (cells[i] != null && cells[i].area() > SLIVER * targets[i] || sites.get(i).expendable()) {
                continue;
            }
            any = true;
            int host = -1;
            for (int j = 0; j < n; j++) {
                if (cells[j] != null && (host < 0 || surplus(j) > surplus(host))) {
                    host = j;
                }
            }
            PlanePoint c = cells[host].centroid();
            xs[i] = (c.x() + xs[host]) / 2 == xs[host] ? c.x() + 1e-6 : (c.x() + xs[host]) / 2;
            ys[i] = (c.y() + ys[host]) / 2;
            ws[i] = ws[host];
            keepers[i] = null;
            reach[i] = Double.POSITIVE_INFINITY;
            computeCells();
        }
        return any;
    }

    private double surplus(int i) {
        double spare = cells[i].area() - targets[i];
        return constraints.anchorsOf(i).isEmpty() ? spare : spare - 1e9;
    }

    private void keepNear(int i) {
        PlanePoint keeper = keepers[i];
        if (keeper == null) {
            return;
        }
        double dx = xs[i] - keeper.x();
        double dy = ys[i] - keeper.y();
        double d = Math.sqrt(dx * dx + dy * dy);
        if (d > reach[i]) {
            xs[i] = keeper.x() + dx * reach[i] / d;
            ys[i] = keeper.y() + dy * reach[i] / d;
        }
    }

    private void computeCells() {
        System.arraycopy(PowerDiagram.cells(bound, xs, ys, ws, n), 0, cells, 0, n);
    }

    List<ConvexPolygon> cells() {
        return Collections.unmodifiableList(Arrays.asList(cells.clone()));
    }

    PlanePoint site(int i) {
        return new PlanePoint(xs[i], ys[i]);
    }
}
