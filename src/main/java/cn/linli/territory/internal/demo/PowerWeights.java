package cn.linli.territory.internal.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    private final AnchorConstraints constraints;

    PowerWeights(ConvexPolygon bound, double[] xs, double[] ys, double[] ws, double[] targets, ConvexPolygon[] cells,
            AnchorConstraints constraints) {
        this.constraints = constraints;
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
        constraints.project(ws);
        if (!computeCells(ws)) {
            Arrays.fill(ws, 0, n, 0);
            constraints.project(ws);
            if (!computeCells(ws)) {
                // a cell squeezed out by anchors: the partition moves its site and tries again
                return;
            }
        }
        double error = error();
        double misfit = misfit();
        for (int iteration = 0; iteration < maxIterations && error > tolerance; iteration++) {
            double[] gradient = new double[n];
            for (int i = 0; i < n; i++) {
                gradient[i] = targets[i] - cells[i].area();
            }
            // a common shift of all weights changes nothing, so the system only has a solution once the
            // rounding noise along that direction is removed; left in, it would drive the weights to 1e13
            centre(gradient);
            CellLaplacian laplacian = new CellLaplacian(cells, xs, ys);
            double[] newton = laplacian.solve(gradient);
            centre(newton);
            List<double[]> steps = new ArrayList<>();
            // sites held back by an anchor move together with the site whose anchor it is, so that the step
            // does not spend itself against the constraint; failing that, each cell on its own (Jacobi)
            int[] group = new int[n];
            int groups = constraints.tied(ws, newton, group);
            if (groups < n) {
                double[] tied = laplacian.solve(gradient, group, groups);
                centre(tied);
                steps.add(tied);
            }
            steps.add(newton);
            if (constraints.any()) {
                steps.add(laplacian.jacobi(gradient));
            }
            boolean improved = false;
            for (double[] step : steps) {
                double[] trial = ws.clone();
                for (double alpha = 1; alpha > 1e-3 && !improved; alpha /= 2) {
                    for (int i = 0; i < n; i++) {
                        trial[i] = ws[i] + alpha * step[i];
                    }
                    // where an anchor stops a cell from reaching its area, the others still converge: the
                    // overall misfit, not the worst cell's, decides
                    constraints.project(trial);
                    improved = computeCells(trial) && misfit() < misfit;
                }
                if (improved) {
                    System.arraycopy(trial, 0, ws, 0, n);
                    break;
                }
            }
            computeCells(ws);
            if (!improved) {
                return;
            }
            error = error();
            misfit = misfit();
        }
    }

    /** The sum of squared relative area errors. */
    private double misfit() {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (cells[i] == null) {
                return Double.POSITIVE_INFINITY;
            }
            double area = cells[i].area();
            double e = (area - targets[i]) / Math.max(area, targets[i]);
            sum += e * e;
        }
        return sum;
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
