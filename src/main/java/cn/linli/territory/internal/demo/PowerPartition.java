package cn.linli.territory.internal.demo;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Splits a convex region into power cells of given areas: sites drift to their cells' centroids (Lloyd),
 * weights are solved so that every cell gets its target area, and anchored sites keep their anchor points
 * inside their cells by a margin. A tethered site is only kept near its point, which its cell then almost
 * always covers, without forcing that at the price of the areas.
 */
final class PowerPartition {

    /**
     * A unit to place: its target area (km²), the points its cell must contain, a point its site is kept
     * close to, and where its site starts.
     */
    record Site(double targetArea, List<PlanePoint> anchors, PlanePoint tether, PlanePoint start) {
    }

    private static final double LLOYD_STEP = 0.8;
    private static final double AREA_TOLERANCE = 0.01;

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
    private final boolean pushRivals;

    PowerPartition(ConvexPolygon bound, List<Site> sites, double margin) {
        this(bound, sites, margin, true);
    }

    /** @param pushRivals whether sites may be pushed away from other units' anchors, or only weights change */
    PowerPartition(ConvexPolygon bound, List<Site> sites, double margin, boolean pushRivals) {
        this.pushRivals = pushRivals;
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
            PlanePoint start = inside(this.bound, site.start());
            xs[i] = start.x();
            ys[i] = start.y();
            for (int j = 0; j < i; j++) {
                if (xs[j] == xs[i] && ys[j] == ys[i]) {
                    // coinciding sites have no bisector and would both claim everything
                    xs[i] += 1e-6 * (i - j);
                }
            }
            targets[i] = site.targetArea();
            // a site stays on its tether or else on its anchors, so that weights alone can keep anchors inside
            keepers[i] = site.tether() != null ? site.tether()
                    : site.anchors().isEmpty() ? null : PlanePoint.meanOf(site.anchors());
            // a large unit whose point lies next to small ones needs its site some way off: a power cell can
            // only be much larger than its neighbours when its site keeps its distance from theirs
            reach[i] = keepers[i] == null ? Double.POSITIVE_INFINITY
                    : site.tether() != null ? 0.6 * Math.sqrt(site.targetArea() / Math.PI) : 0;
            if (keepers[i] != null) {
                xs[i] = keepers[i].x();
                ys[i] = keepers[i].y();
            }
        }
    }

    /** The point itself if it lies inside the bound, else the point nearest to it on the way to the centroid. */
    private static PlanePoint inside(ConvexPolygon bound, PlanePoint p) {
        if (bound.insideDistance(p.x(), p.y()) > 0) {
            return p;
        }
        PlanePoint c = bound.centroid();
        double low = 0;
        double high = 1;
        for (int step = 0; step < 50; step++) {
            double mid = (low + high) / 2;
            if (bound.insideDistance(c.x() + mid * (p.x() - c.x()), c.y() + mid * (p.y() - c.y())) > 0) {
                low = mid;
            } else {
                high = mid;
            }
        }
        double t = low * 0.999;
        return new PlanePoint(c.x() + t * (p.x() - c.x()), c.y() + t * (p.y() - c.y()));
    }

    PowerPartition relax(int iterations) {
        PowerWeights weights = new PowerWeights(bound, xs, ys, ws, targets, cells);
        AnchorGuard guard = new AnchorGuard(sites, xs, ys, ws, keepers, reach, margin);
        weights.solve(40, AREA_TOLERANCE);
        for (int round = 0; round < iterations; round++) {
            for (int i = 0; i < n; i++) {
                if (cells[i] != null && keepers[i] == null) {
                    PlanePoint c = cells[i].centroid();
                    xs[i] += LLOYD_STEP * (c.x() - xs[i]);
                    ys[i] += LLOYD_STEP * (c.y() - ys[i]);
                    keepNear(i);
                }
            }
            weights.solve(3, 3 * AREA_TOLERANCE);
            guard.enforce(pushRivals);
        }
        for (int round = 0; round < 6; round++) {
            weights.solve(6, AREA_TOLERANCE);
            guard.enforce(pushRivals);
        }
        guard.enforce(false);
        computeCells();
        return this;
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

    /** Anchors that ended up outside their cell or closer to its border than half the margin. */
    int misplacedAnchors() {
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (PlanePoint a : sites.get(i).anchors()) {
                if (cells[i] == null || cells[i].insideDistance(a.x(), a.y()) < margin / 2) {
                    count++;
                }
            }
        }
        return count;
    }
}
