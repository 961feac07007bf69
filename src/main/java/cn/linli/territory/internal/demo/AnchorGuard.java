package cn.linli.territory.internal.demo;

import java.util.List;

/**
 * Keeps anchored points inside their cells. An anchored site sits on its anchor, so the anchor lies in its
 * cell exactly when no rival's power there is lower. A rival that may move is pushed away from the anchor
 * until its power there is high enough: that keeps a small anchored unit small, which raising its weight
 * would not (a 30 km² street office beside a 700 km² town would otherwise swell to hundreds of km²). A rival
 * that cannot move far enough loses weight, which costs it land only at this border, or, if it has anchors
 * of its own, the anchored site gains weight; equal weights satisfy every anchor at once, so it settles.
 */
final class AnchorGuard {

    private final ConvexPolygon bound;
    private final List<PowerPartition.Site> sites;
    private final double[] xs;
    private final double[] ys;
    private final double[] ws;
    private final PlanePoint[] keepers;
    private final double[] reach;
    private final double margin;

    AnchorGuard(ConvexPolygon bound, List<PowerPartition.Site> sites, double[] xs, double[] ys, double[] ws,
            PlanePoint[] keepers, double[] reach, double margin) {
        this.bound = bound;
        this.sites = sites;
        this.xs = xs;
        this.ys = ys;
        this.ws = ws;
        this.keepers = keepers;
        this.reach = reach;
        this.margin = margin;
    }

    /** Returns whether every anchor ended up inside by the margin. */
    boolean enforce(boolean pushRivals) {
        for (int pass = 0; pass < 100; pass++) {
            boolean changed = false;
            for (int i = 0; i < sites.size(); i++) {
                for (PlanePoint a : sites.get(i).anchors()) {
                    for (int j = 0; j < sites.size(); j++) {
                        if (gap(a, i, j) >= 0) {
                            continue;
                        }
                        changed = true;
                        if (pushRivals && reach[j] > 0) {
                            push(a, i, j);
                        }
                        double gap = gap(a, i, j);
                        if (gap < 0 && sites.get(j).anchors().isEmpty()) {
                            // shrinking an unanchored rival only costs it land at this border
                            ws[j] += gap * 1.0001;
                        } else if (gap < 0) {
                            ws[i] -= gap * 1.0001;
                        }
                    }
                }
            }
            if (!changed) {
                return true;
            }
        }
        return false;
    }

    /** Moves site j straight away from anchor a until a lies on i's side, as far as j's reach allows. */
    private void push(PlanePoint a, int i, int j) {
        double needed = ws[j] - ws[i] + 4 * margin * Math.sqrt(Math.max(ws[j] - ws[i], 0) + 1);
        if (needed <= 0) {
            return;
        }
        double dx = xs[j] - a.x();
        double dy = ys[j] - a.y();
        double d = Math.sqrt(dx * dx + dy * dy);
        if (d < 1e-9) {
            dx = 1;
            dy = 0;
            d = 1;
        }
        double distance = Math.sqrt(needed) * 1.05;
        double nx = a.x() + dx / d * distance;
        double ny = a.y() + dy / d * distance;
        PlanePoint keeper = keepers[j];
        if (keeper != null) {
            double kx = nx - keeper.x();
            double ky = ny - keeper.y();
            double k = Math.sqrt(kx * kx + ky * ky);
            if (k > reach[j]) {
                nx = keeper.x() + kx * reach[j] / k;
                ny = keeper.y() + ky * reach[j] / k;
            }
        }
        if (bound.insideDistance(nx, ny) > margin) {
            xs[j] = nx;
            ys[j] = ny;
        }
    }

    /** How far inside i's side of the border with j the anchor lies, beyond the margin, in power units. */
    private double gap(PlanePoint a, int i, int j) {
        double dx = xs[j] - xs[i];
        double dy = ys[j] - ys[i];
        if (j == i || (dx == 0 && dy == 0)) {
            return 0;
        }
        return -PowerDiagram.powerAdvantage(a.x(), a.y(), i, j, xs, ys, ws) - 2 * margin * Math.sqrt(dx * dx + dy * dy);
    }
}
