package cn.linli.territory.internal.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps anchored points inside their power cells. With the sites fixed, an anchor {@code a} of site i lies in
 * i's cell, by the margin, exactly when for every other site j
 * <pre>  w_j - w_i &lt;= |a - s_j|² - |a - s_i|² - 2 · margin · |s_i - s_j|</pre>
 * a difference constraint on the weights. A system of difference constraints can be met exactly when it has no
 * cycle of negative total bound, and then the largest weights below any given ones that meet it are found
 * by Bellman-Ford relaxation: a cell that would take a rival's anchor is made to give way, and only as far as
 * it must. Anchors that form such a cycle cannot all be held by any weights; the least important of them
 * (the last in its site's list) is given up, and the rest are then guaranteed.
 */
final class AnchorConstraints {

    private final double[] xs;
    private final double[] ys;
    private final List<List<PlanePoint>> anchors;
    private final int n;
    private final double margin;
    private final double[][] bounds;
    private final int[][] binding;

    /** @param anchors per site, most important first; the lists are copied and may lose anchors here */
    AnchorConstraints(double[] xs, double[] ys, List<List<PlanePoint>> anchors, double margin) {
        this.xs = xs;
        this.ys = ys;
        this.n = anchors.size();
        this.anchors = new ArrayList<>();
        anchors.forEach(a -> this.anchors.add(new ArrayList<>(a)));
        this.margin = margin;
        bounds = new double[n][n];
        binding = new int[n][n];
        anchored = any();
    }

    private final boolean anchored;

    boolean any() {
        return anchors.stream().anyMatch(a -> !a.isEmpty());
    }

    List<PlanePoint> anchorsOf(int i) {
        return anchors.get(i);
    }

    /** Recomputes every bound from the current sites (free sites move between calls). */
    private void refresh() {
        for (int i = 0; i < n; i++) {
            List<PlanePoint> own = anchors.get(i);
            if (own.isEmpty()) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                bounds[i][j] = Double.POSITIVE_INFINITY;
                binding[i][j] = -1;
                double dx = xs[j] - xs[i];
                double dy = ys[j] - ys[i];
                if (j == i || own.isEmpty() || (dx == 0 && dy == 0)) {
                    continue;
                }
                double slack = 2 * margin * Math.sqrt(dx * dx + dy * dy);
                for (int k = 0; k < own.size(); k++) {
                    PlanePoint a = own.get(k);
                    double toJ = (a.x() - xs[j]) * (a.x() - xs[j]) + (a.y() - ys[j]) * (a.y() - ys[j]);
                    double toI = (a.x() - xs[i]) * (a.x() - xs[i]) + (a.y() - ys[i]) * (a.y() - ys[i]);
                    double bound = toJ - toI - slack;
                    if (bound < bounds[i][j]) {
                        bounds[i][j] = bound;
                        binding[i][j] = k;
                    }
                }
            }
        }
    }

    /**
     * Lowers weights, each only as far as it must, until every anchor lies in its cell. Returns false (and
     * leaves the weights changed) when the anchors form a cycle that no weights can satisfy.
     */
    boolean project(double[] ws) {
        if (!anchored) {
            return true;
        }
        refresh();
        return relax(ws, null) < 0;
    }

    /**
     * Groups of sites that must move together in a step: those joined by a constraint that holds with no room
     * to spare and that the step would break. Returns the number of groups; group[i] is i's.
     */
    int tied(double[] ws, double[] step, int[] group) {
        int[] parent = new int[n];
        if (!anchored) {
            for (int i = 0; i < n; i++) {
                group[i] = i;
            }
            return n;
        }
        refresh();
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            if (anchors.get(i).isEmpty()) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                double room = ws[i] + bounds[i][j] - ws[j];
                if (bounds[i][j] != Double.POSITIVE_INFINITY && room <= 1e-9 * (1 + Math.abs(ws[i]) + Math.abs(bounds[i][j]))
                        && step[j] - step[i] > 0) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        int groups = 0;
        int[] number = new int[n];
        java.util.Arrays.fill(number, -1);
        for (int i = 0; i < n; i++) {
            int root = find(parent, i);
            if (number[root] < 0) {
                number[root] = groups++;
            }
            group[i] = number[root];
        }
        return groups;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Whether the anchors can all be held at the current sites (the weights are left as they are). */
    boolean feasible(double[] ws) {
        return project(ws.clone());
    }

    /** Bellman-Ford passes; -1 when settled, else a site still being lowered after n passes (on or behind a cycle). */
    private int relax(double[] ws, int[] predecessor) {
        int last = -1;
        for (int pass = 0; pass <= n; pass++) {
            last = -1;
            for (int i = 0; i < n; i++) {
                if (anchors.get(i).isEmpty()) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    double limit = ws[i] + bounds[i][j];
                    if (ws[j] > limit) {
                        // the tiny extra keeps rounding from leaving the anchor a hair outside
                        ws[j] = limit - 1e-12 * (1 + Math.abs(limit));
                        if (predecessor != null) {
                            predecessor[j] = i;
                        }
                        last = j;
                    }
                }
            }
            if (last < 0) {
                return -1;
            }
        }
        return last;
    }

    /**
     * Gives up anchors until the rest can be held together at the current sites: while some cycle of
     * constraints cannot be met, the anchor of lowest priority on it is dropped. A site's first anchor is
     * dropped only when a cycle consists of first anchors alone. Returns how many were given up.
     */
    int makeFeasible() {
        int dropped = 0;
        while (true) {
            refresh();
            double[] ws = new double[n];
            int[] predecessor = new int[n];
            java.util.Arrays.fill(predecessor, -1);
            int j = relax(ws, predecessor);
            if (j < 0) {
                return dropped;
            }
            // n steps back from a site still being lowered lands on the cycle itself
            for (int step = 0; step < n && predecessor[j] >= 0; step++) {
                j = predecessor[j];
            }
            int worstSite = -1;
            int worstIndex = -1;
            int v = j;
            for (int step = 0; step < n && predecessor[v] >= 0; step++) {
                int i = predecessor[v];
                int k = binding[i][v];
                if (k > worstIndex) {
                    worstIndex = k;
                    worstSite = i;
                }
                v = i;
                if (v == j) {
                    break;
                }
            }
            if (worstSite < 0) {
                return dropped;
            }
            anchors.get(worstSite).remove(worstIndex);
            dropped++;
        }
    }
}
