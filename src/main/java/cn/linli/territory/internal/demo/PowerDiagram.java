package cn.linli.territory.internal.demo;

/**
 * Power cells (Voronoi cells with additive weights) clipped to a convex bound. A weight lets a cell grow or
 * shrink without moving its site, which is what lets real centre points stay where they are while areas
 * are tuned. Every edge of a cell is labelled with the index of the neighbouring site.
 */
final class PowerDiagram {

    private PowerDiagram() {
    }

    /** The cells of the first {@code n} sites; null where a cell is empty. */
    static ConvexPolygon[] cells(ConvexPolygon bound, double[] xs, double[] ys, double[] ws, int n) {
        double maxWeight = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            maxWeight = Math.max(maxWeight, ws[j]);
        }
        ConvexPolygon[] cells = new ConvexPolygon[n];
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dx = xs[j] - xs[i];
                double dy = ys[j] - ys[i];
                // squared distance as float bits sorts like the distance; the low bits carry the index
                order[j] = ((long) Float.floatToIntBits((float) (dx * dx + dy * dy)) << 32) | j;
            }
            java.util.Arrays.sort(order);
            cells[i] = cell(bound, i, xs, ys, ws, order, maxWeight);
        }
        return cells;
    }

    /**
     * Clips the bound by the bisectors with the other sites, nearest first. Once a site is so far away that
     * even the heaviest weight could not bring its bisector within reach of the cell, no farther site can
     * either, and the cell is complete.
     */
    private static ConvexPolygon cell(ConvexPolygon bound, int i, double[] xs, double[] ys, double[] ws, long[] order,
            double maxWeight) {
        ConvexPolygon cell = bound;
        double reach = Math.sqrt(cell.maxDistanceSquared(xs[i], ys[i]));
        for (int k = 0; k < order.length && cell != null; k++) {
            int j = (int) order[k];
            double dx = xs[j] - xs[i];
            double dy = ys[j] - ys[i];
            double d2 = dx * dx + dy * dy;
            if (j == i || d2 == 0) {
                continue;
            }
            double d = Math.sqrt(d2);
            if (d > reach + Math.sqrt(Math.max(0, reach * reach + maxWeight - ws[i])) + 1e-9) {
                break;
            }
            // the bisector's distance from site i: when it lies beyond every vertex, nothing is cut
            double offset = d2 + (ws[i] - ws[j]);
            if (offset / (2 * d) >= reach) {
                continue;
            }
            // pow_i(p) <= pow_j(p), written relative to site i so that large coordinates cost no precision
            double a = 2 * dx;
            double b = 2 * dy;
            double c = offset + a * xs[i] + b * ys[i];
            ConvexPolygon clipped = cell.clip(a, b, c, j);
            if (clipped != cell && clipped != null) {
                reach = Math.sqrt(clipped.maxDistanceSquared(xs[i], ys[i]));
            }
            cell = clipped;
        }
        return cell;
    }

    /** How much lower site {@code j}'s power is at a point than site {@code i}'s; negative means i wins. */
    static double powerAdvantage(double px, double py, int i, int j, double[] xs, double[] ys, double[] ws) {
        double dix = px - xs[i];
        double diy = py - ys[i];
        double djx = px - xs[j];
        double djy = py - ys[j];
        return (dix * dix + diy * diy - ws[i]) - (djx * djx + djy * djy - ws[j]);
    }
}
