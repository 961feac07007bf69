package cn.linli.territory.internal.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The Jacobian of power cell areas with respect to the weights: moving weight i by dw moves its border with
 * cell j by dw / (2 × site distance), so the area trade between neighbours is the shared edge length over twice
 * their distance. Solved matrix-free by conjugate gradients; the matrix is singular only in the direction of
 * a common shift of all weights, which changes nothing.
 */
final class CellLaplacian {

    private final int n;
    private final List<int[]> neighbours = new ArrayList<>();
    private final List<double[]> couplings = new ArrayList<>();
    private final double[] diagonal;

    CellLaplacian(ConvexPolygon[] cells, double[] xs, double[] ys) {
        n = cells.length;
        diagonal = new double[n];
        for (int i = 0; i < n; i++) {
            ConvexPolygon cell = cells[i];
            int[] js = new int[cell.size()];
            double[] cs = new double[cell.size()];
            int m = 0;
            for (int e = 0, size = cell.size(); e < size; e++) {
                int j = cell.label(e);
                if (j < 0) {
                    continue;
                }
                int f = e + 1 == size ? 0 : e + 1;
                double ex = cell.x(f) - cell.x(e);
                double ey = cell.y(f) - cell.y(e);
                double dx = xs[j] - xs[i];
                double dy = ys[j] - ys[i];
                double c = Math.sqrt(ex * ex + ey * ey) / (2 * Math.sqrt(dx * dx + dy * dy));
                js[m] = j;
                cs[m++] = c;
                diagonal[i] += c;
            }
            neighbours.add(java.util.Arrays.copyOf(js, m));
            couplings.add(java.util.Arrays.copyOf(cs, m));
        }
    }

    private void multiply(double[] v, double[] out) {
        for (int i = 0; i < n; i++) {
            double sum = diagonal[i] * v[i];
            int[] js = neighbours.get(i);
            double[] cs = couplings.get(i);
            for (int k = 0; k < js.length; k++) {
                sum -= cs[k] * v[js[k]];
            }
            out[i] = sum;
        }
    }

    /**
     * Solves the system with the sites of each group moving together (group[i] numbers i's group, 0 to
     * groups - 1): the equations of a group are summed, and the result is given per site.
     */
    double[] solve(double[] b, int[] group, int groups) {
        CellLaplacian reduced = new CellLaplacian(groups);
        for (int i = 0; i < n; i++) {
            int gi = group[i];
            int[] js = neighbours.get(i);
            double[] cs = couplings.get(i);
            for (int k = 0; k < js.length; k++) {
                int gj = group[js[k]];
                if (gj != gi) {
                    reduced.diagonal[gi] += cs[k];
                    reduced.add(gi, gj, cs[k]);
                }
            }
        }
        double[] rb = new double[groups];
        for (int i = 0; i < n; i++) {
            rb[group[i]] += b[i];
        }
        double[] rx = reduced.solve(rb);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rx[group[i]];
        }
        return x;
    }

    private CellLaplacian(int n) {
        this.n = n;
        diagonal = new double[n];
        for (int i = 0; i < n; i++) {
            neighbours.add(new int[0]);
            couplings.add(new double[0]);
        }
    }

    private void add(int i, int j, double c) {
        int[] js = neighbours.get(i);
        double[] cs = couplings.get(i);
        for (int k = 0; k < js.length; k++) {
            if (js[k] == j) {
                cs[k] += c;
                return;
            }
        }
        int[] nj = java.util.Arrays.copyOf(js, js.length + 1);
        double[] nc = java.util.Arrays.copyOf(cs, cs.length + 1);
        nj[js.length] = j;
        nc[js.length] = c;
        neighbours.set(i, nj);
        couplings.set(i, nc);
    }

    /** Solves L x = b by Jacobi-preconditioned conjugate gradients. */
    double[] solve(double[] b) {
        double[] x = new double[n];
        double[] r = b.clone();
        double[] z = new double[n];
        double[] p = new double[n];
        double[] q = new double[n];
        precondition(r, z);
        System.arraycopy(z, 0, p, 0, n);
        double rz = dot(r, z);
        double limit = 1e-20 * Math.max(1e-300, dot(b, b));
        for (int iteration = 0; iteration < 4 * n + 20 && dot(r, r) > limit; iteration++) {
            multiply(p, q);
            double pq = dot(p, q);
            if (pq <= 0) {
                break;
            }
            double alpha = rz / pq;
            for (int i = 0; i < n; i++) {
                x[i] += alpha * p[i];
                r[i] -= alpha * q[i];
            }
            precondition(r, z);
            double next = dot(r, z);
            double beta = next / rz;
            rz = next;
            for (int i = 0; i < n; i++) {
                p[i] = z[i] + beta * p[i];
            }
        }
        return x;
    }

    /** Each cell's own weight change for its own area error, as if its neighbours stood still. */
    double[] jacobi(double[] b) {
        double[] z = new double[n];
        precondition(b, z);
        return z;
    }

    private void precondition(double[] r, double[] z) {
        for (int i = 0; i < n; i++) {
            z[i] = diagonal[i] > 0 ? r[i] / diagonal[i] : r[i];
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
