package cn.linli.territory.internal.demo;

import java.util.List;

/**
 * Keeps anchored points inside their cells. An anchored site stays near its anchor, so the anchor lies in its
 * cell exactly when no rival's power there is lower. An unanchored rival then loses weight, which costs it land
 * only at this border; an anchored rival is beaten by raising the anchored site's weight instead, since
 * lowering its own would risk its own anchor. Sites near their anchors can always keep them all at once, so
 * the fix-ups settle.
 */
final class AnchorGuard {

    private final List<PowerPartition.Site> sites;
    private final double[] xs;
    private final double[] ys;
    private final double[] ws;
    private final double margin;

    AnchorGuard(List<PowerPartition.Site> sites, double[] xs, double[] ys, double[] ws, double margin) {
        this.sites = sites;
        this.xs = xs;
        this.ys = ys;
        this.ws = ws;
        this.margin = margin;
    }

    /** Returns whether every anchor ended up inside by the margin. */
    boolean enforce() {
        for (int pass = 0; pass < 100; pass++) {
            boolean changed = false;
            for (int i = 0; i < sites.size(); i++) {
                for (PlanePoint a : sites.get(i).anchors()) {
                    for (int j = 0; j < sites.size(); j++) {
                        double gap = gap(a, i, j);
                        if (gap >= 0) {
                            continue;
                        }
                        changed = true;
                        if (sites.get(j).anchors().isEmpty()) {
                            ws[j] += gap * 1.0001;
                        } else {
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
