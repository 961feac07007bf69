package cn.linli.territory.internal.demo;

/**
 * A convex polygon in the working plane, counter-clockwise, whose edges remember which constraint cut them
 * (a site index, or {@link #OUTER} for the enclosing bound). Cutting only ever by half-planes keeps every
 * layout cell convex, hence one connected piece, and makes its distance-to-border a minimum over edge lines.
 */
final class ConvexPolygon {

    static final int OUTER = -1;

    private final double[] xs;
    private final double[] ys;
    private final int[] labels;

    private ConvexPolygon(double[] xs, double[] ys, int[] labels) {
        this.xs = xs;
        this.ys = ys;
        this.labels = labels;
    }

    static ConvexPolygon rectangle(double minX, double minY, double maxX, double maxY) {
        return new ConvexPolygon(new double[] {minX, maxX, maxX, minX}, new double[] {minY, minY, maxY, maxY},
                new int[] {OUTER, OUTER, OUTER, OUTER});
    }

    int size() {
        return xs.length;
    }

    double x(int i) {
        return xs[i];
    }

    double y(int i) {
        return ys[i];
    }

    /** The label of the edge from vertex {@code i} to the next vertex. */
    int label(int i) {
        return labels[i];
    }

    ConvexPolygon relabelled(int label) {
        int[] all = new int[xs.length];
        java.util.Arrays.fill(all, label);
        return new ConvexPolygon(xs, ys, all);
    }

    /** The part where {@code a*x + b*y <= c}, its new edge labelled {@code label}; null when nothing is left. */
    ConvexPolygon clip(double a, double b, double c, int label) {
        int n = xs.length;
        boolean anyOut = false;
        boolean anyIn = false;
        for (int i = 0; i < n; i++) {
            if (a * xs[i] + b * ys[i] - c > 0) {
                anyOut = true;
            } else {
                anyIn = true;
            }
        }
        if (!anyOut) {
            return this;
        }
        if (!anyIn) {
            return null;
        }
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = a * xs[i] + b * ys[i] - c;
        }
        double[] nx = new double[n + 1];
        double[] ny = new double[n + 1];
        int[] nl = new int[n + 1];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int j = i + 1 == n ? 0 : i + 1;
            boolean inI = f[i] <= 0;
            boolean inJ = f[j] <= 0;
            if (inI) {
                nx[m] = xs[i];
                ny[m] = ys[i];
                // a vertex exactly on the cut line leaves along the cut, so no duplicate crossing point is added
                nl[m++] = inJ || f[i] < 0 ? labels[i] : label;
                if (!inJ && f[i] < 0) {
                    double t = f[i] / (f[i] - f[j]);
                    nx[m] = xs[i] + t * (xs[j] - xs[i]);
                    ny[m] = ys[i] + t * (ys[j] - ys[i]);
                    nl[m++] = label;
                }
            } else if (inJ && f[j] < 0) {
                double t = f[i] / (f[i] - f[j]);
                nx[m] = xs[i] + t * (xs[j] - xs[i]);
                ny[m] = ys[i] + t * (ys[j] - ys[i]);
                nl[m++] = labels[i];
            }
        }
        if (m < 3) {
            return null;
        }
        return new ConvexPolygon(java.util.Arrays.copyOf(nx, m), java.util.Arrays.copyOf(ny, m),
                java.util.Arrays.copyOf(nl, m));
    }

    double area() {
        double twice = 0;
        for (int i = 0, n = xs.length; i < n; i++) {
            int j = i + 1 == n ? 0 : i + 1;
            twice += xs[i] * ys[j] - xs[j] * ys[i];
        }
        return twice / 2;
    }

    PlanePoint centroid() {
        double twice = 0;
        double cx = 0;
        double cy = 0;
        double ox = xs[0];
        double oy = ys[0];
        for (int i = 0, n = xs.length; i < n; i++) {
            int j = i + 1 == n ? 0 : i + 1;
            double xi = xs[i] - ox;
            double yi = ys[i] - oy;
            double xj = xs[j] - ox;
            double yj = ys[j] - oy;
            double cross = xi * yj - xj * yi;
            twice += cross;
            cx += (xi + xj) * cross;
            cy += (yi + yj) * cross;
        }
        if (twice <= 0) {
            return new PlanePoint(ox, oy);
        }
        return new PlanePoint(ox + cx / (3 * twice), oy + cy / (3 * twice));
    }

    /** Distance from a point to the nearest edge line: positive inside, negative outside. */
    double insideDistance(double px, double py) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0, n = xs.length; i < n; i++) {
            int j = i + 1 == n ? 0 : i + 1;
            double ex = xs[j] - xs[i];
            double ey = ys[j] - ys[i];
            double length = Math.sqrt(ex * ex + ey * ey);
            if (length < 1e-12) {
                continue;
            }
            double d = (ex * (py - ys[i]) - ey * (px - xs[i])) / length;
            if (d < best) {
                best = d;
            }
        }
        return best;
    }

    double maxDistanceSquared(double px, double py) {
        double best = 0;
        for (int i = 0; i < xs.length; i++) {
            double dx = xs[i] - px;
            double dy = ys[i] - py;
            best = Math.max(best, dx * dx + dy * dy);
        }
        return best;
    }

    double minX() {
        double v = xs[0];
        for (double x : xs) {
            v = Math.min(v, x);
        }
        return v;
    }

    double maxX() {
        double v = xs[0];
        for (double x : xs) {
            v = Math.max(v, x);
        }
        return v;
    }

    double minY() {
        double v = ys[0];
        for (double y : ys) {
            v = Math.min(v, y);
        }
        return v;
    }

    double maxY() {
        double v = ys[0];
        for (double y : ys) {
            v = Math.max(v, y);
        }
        return v;
    }
}
