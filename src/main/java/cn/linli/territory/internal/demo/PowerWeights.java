package cn.linli.territory.internal.demo;

import java.util.Arrays;

/**
 * Finds power weights that give sites at fixed positions their target areas. Newton's method on the concave
 * optimal-transport dual: its gradient is target minus current area, its Hessian the adjacency Laplacian of
 * the cells (shared edge length over twice the site distance). A backtracking step keeps every cell alive.
 * Simple per-cell updates oscillate badly when areas differ by orders of magnitude, as a 3 km² street next to
 * a 900 km² state farm does; Newton converges in a handful of steps.
 */
final class PowerWeights {

    private final ConvexPolygon bound;
    private final double[] xs;
    private final double[] ys;
    private final double[] ws;
    private final double[] targets;
    private final int n;
    private final ConvexPolygon[] cells;

    PowerWeights(ConvexPolygon bound, double[] xs, double[] ys, double[] ws, double[] targets, ConvexPolygon[] cells) {
        this.bound = bound;
        this.xs = xs;
        this.ys = ys;
        this.ws = ws;
        this.targets = targets;
        this.n = targets.length;
        this.cells = cells;
    }

    /** Adjusts the weights in place and leaves the resulting cells in the cell array. */
    void solve(int maxIterations, double tolerance) {
        if (!computeCells(ws)) {
            Arrays.fill(ws, 0, n, 0);
            if (!computeCells(ws)) {
                StringBuilder sb = new StringBuilder("dead after reset; bound inside? ");
                for (int i = 0; i < n; i++) sb.append(String.format("%n %d (%.6f,%.6f) in=%.6f cell=%s", i, xs[i], ys[i], bound.insideDistance(xs[i], ys[i]), cells[i] == null ? "null" : String.valueOf(cells[i].area())));
                throw new IllegalStateException(sb.toString());
            }
        }
        double error = error();
        for (int iteration = 0; iteration < maxIterations && error > tolerance; iteration++) {
            double[] gradient = new double[n];
            for (int i = 0; i < n; i++) {
                gradient[i] = targets[i] - cells[i].area();
            }
            // a common shift of all weights changes nothing, so the system only has a solution once the
            // rounding noise along that direction is removed; left in, it would drive the weights to 1e13
            centre(gradient);
            double[] step = new CellLaplacian(cells, xs, ys).solve(gradient);
            centre(step);
            double[] trial = ws.clone();
            boolean improved = false;
            for (double alpha = 1; alpha > 1e-3 && !improved; alpha /= 2) {
                for (int i = 0; i < n; i++) {
                    trial[i] = ws[i] + alpha * step[i];
                }
                improved = computeCells(trial) && error() < error;
            }
            if (improved) {
                System.arraycopy(trial, 0, ws, 0, n);
            }
            computeCells(ws);
            if (!improved) {
                return;
            }
            error = error();
        }
    }

    static void centre(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v / values.length;
        }
        for (int i = 0; i < values.length; i++) {
            values[i] -= mean;
        }
    }

    /** The worst area error, relative to the larger of target and area. */
    private double error() {
        double worst = 0;
        for (int i = 0; i < n; i++) {
            if (cells[i] == null) {
                return Double.POSITIVE_INFINITY;
            }
            double area = cells[i].area();
            worst = Math.max(worst, Math.abs(area - targets[i]) / Math.max(area, targets[i]));
        }
        return worst;
    }

    private boolean computeCells(double[] weights) {
        ConvexPolygon[] computed = PowerDiagram.cells(bound, xs, ys, weights, n);
        boolean alive = true;
        for (int i = 0; i < n; i++) {
            cells[i] = computed[i];
            alive &= cells[i] != null && cells[i].area() > 0;
        }
        return alive;
    }
}
