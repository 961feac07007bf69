package cn.linli.territory.internal.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves anchored sites to where their anchors can all be held. A power diagram is the upper envelope of
 * affine functions g_i(p) = 2 s_i · p + (w_i - |s_i|²), so "anchor a lies in cell i by the margin" is a linear
 * inequality in the sites and weights together, and holding several anchors per site is a linear feasibility
 * problem. It is solved by the relaxation method (each violated inequality is corrected just past its bound),
 * adding the anchors one by one in order of importance: an anchor with which the method does not settle is
 * given up. Sites amid their own anchors are where it starts; the corrections turn the bisectors where these
 * run through a county's towns. Scaling all sites about a point (with the weights adjusted) leaves a power
 * diagram unchanged, so the result is finally scaled and shifted to lie as close as it can to the start.
 */
final class SiteSeparation {

    /** Sweeps allowed to settle after an anchor is added; a system that needs more counts as contradictory. */
    private static final int SWEEPS = 300;
    /** Held this much beyond the margin, so that the weights afterwards find room to meet the areas. */
    private static final double SLACK = 1.5;

    private final int n;
    private final List<List<double[]>> held = new ArrayList<>();
    private final double[] ux;
    private final double[] uy;
    private final double[] v;
    private final double margin;

    private SiteSeparation(int n, double margin) {
        this.n = n;
        this.margin = margin;
        ux = new double[n];
        uy = new double[n];
        v = new double[n];
        for (int i = 0; i < n; i++) {
            held.add(new ArrayList<>());
        }
    }

    /**
     * Moves the sites that have anchors (in xs, ys) so that as many anchors as possible can be held, in order
     * of their place in their site's list, and returns the anchors held; sites without anchors stay.
     */
    static List<List<PlanePoint>> separate(double[] xs, double[] ys, List<List<PlanePoint>> anchors, double margin) {
        int n = anchors.size();
        double cx = 0;
        double cy = 0;
        int count = 0;
        int longest = 0;
        for (List<PlanePoint> own : anchors) {
            longest = Math.max(longest, own.size());
            for (PlanePoint a : own) {
                cx += a.x();
                cy += a.y();
                count++;
            }
        }
        List<List<PlanePoint>> kept = new ArrayList<>();
        anchors.forEach(a -> kept.add(new ArrayList<>()));
        if (count == 0) {
            return kept;
        }
        cx /= count;
        cy /= count;
        double radius = 0;
        for (List<PlanePoint> own : anchors) {
            for (PlanePoint a : own) {
                radius = Math.max(radius, length(a.x() - cx, a.y() - cy));
            }
        }
        double scale = Math.max(radius, 1e-9);
        // centred and scaled to about one, so that the constant term weighs like the coordinates
        SiteSeparation s = new SiteSeparation(n, margin / scale);
        for (int i = 0; i < n; i++) {
            double sx = (xs[i] - cx) / scale;
            double sy = (ys[i] - cy) / scale;
            s.ux[i] = 2 * sx;
            s.uy[i] = 2 * sy;
            s.v[i] = -(sx * sx + sy * sy);
        }
        for (int k = 0; k < longest; k++) {
            for (int i = 0; i < n; i++) {
                if (k < anchors.get(i).size()) {
                    PlanePoint a = anchors.get(i).get(k);
                    if (s.tryToHold(i, new double[] {(a.x() - cx) / scale, (a.y() - cy) / scale})) {
                        kept.get(i).add(a);
                    }
                }
            }
        }
        s.place(xs, ys, cx, cy, scale);
        return kept;
    }

    private boolean tryToHold(int site, double[] anchor) {
        double[] sx = ux.clone();
        double[] sy = uy.clone();
        double[] sv = v.clone();
        held.get(site).add(anchor);
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            if (sweep()) {
                return true;
            }
        }
        held.get(site).remove(held.get(site).size() - 1);
        System.arraycopy(sx, 0, ux, 0, n);
        System.arraycopy(sy, 0, uy, 0, n);
        System.arraycopy(sv, 0, v, 0, n);
        return false;
    }

    /** One pass over all held anchors against all other anchored sites; true when nothing needed correcting. */
    private boolean sweep() {
        boolean settled = true;
        for (int i = 0; i < n; i++) {
            for (double[] a : held.get(i)) {
                double ax = a[0];
                double ay = a[1];
                for (int j = 0; j < n; j++) {
                    if (j == i || held.get(j).isEmpty()) {
                        continue;
                    }
                    double gap = ux[i] * ax + uy[i] * ay + v[i] - (ux[j] * ax + uy[j] * ay + v[j]);
                    double needed = SLACK * margin * length(ux[i] - ux[j], uy[i] - uy[j]);
                    if (gap >= needed) {
                        continue;
                    }
                    settled = false;
                    double t = 1.1 * (needed - gap) / (2 * (ax * ax + ay * ay + 1)) + 1e-12;
                    ux[i] += t * ax;
                    uy[i] += t * ay;
                    v[i] += t;
                    ux[j] -= t * ax;
                    uy[j] -= t * ay;
                    v[j] -= t;
                }
            }
        }
        return settled;
    }

    /** Sites s = u / 2, scaled by one factor and shifted to lie nearest to where they started. */
    private void place(double[] xs, double[] ys, double cx, double cy, double scale) {
        double mx = 0;
        double my = 0;
        double px = 0;
        double py = 0;
        int anchored = 0;
        for (int i = 0; i < n; i++) {
            if (held.get(i).isEmpty()) {
                continue;
            }
            anchored++;
            mx += ux[i] / 2;
            my += uy[i] / 2;
            px += (xs[i] - cx) / scale;
            py += (ys[i] - cy) / scale;
        }
        if (anchored == 0) {
            return;
        }
        mx /= anchored;
        my /= anchored;
        px /= anchored;
        py /= anchored;
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            if (held.get(i).isEmpty()) {
                continue;
            }
            double dx = ux[i] / 2 - mx;
            double dy = uy[i] / 2 - my;
            num += dx * ((xs[i] - cx) / scale - px) + dy * ((ys[i] - cy) / scale - py);
            den += dx * dx + dy * dy;
        }
        double lambda = den > 0 && num > 0 ? num / den : 1;
        for (int i = 0; i < n; i++) {
            if (held.get(i).isEmpty()) {
                continue;
            }
            xs[i] = cx + scale * (px + lambda * (ux[i] / 2 - mx));
            ys[i] = cy + scale * (py + lambda * (uy[i] / 2 - my));
        }
    }

    /** Math.hypot may differ between JVMs in the last bit; a square root may not, and the city must not. */
    private static double length(double dx, double dy) {
        return Math.sqrt(dx * dx + dy * dy);
    }
}
