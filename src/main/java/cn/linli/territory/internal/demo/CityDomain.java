package cn.linli.territory.internal.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The convex region the city is laid out in: the convex hull of all known points, widened until it is at
 * least as large as the city. Jiamusi's points form a bent band, so its hull has empty bays; {@link OpenLand}
 * fills them with units that have no known position and with sea that is cut away afterwards.
 */
final class CityDomain {

    /**
     * How far (km) the domain reaches beyond the outermost points at least. A county at the city's edge needs
     * land beyond its points: 抚远市's points run along a narrow strip, and with a thin margin its cell could
     * not grow to a third of its area. What the city does not need of it is sea.
     */
    private static final double MIN_BUFFER = 25;

    private CityDomain() {
    }

    static ConvexPolygon around(List<PlanePoint> points, double cityArea) {
        double low = MIN_BUFFER;
        if (hull(points, low).area() >= cityArea) {
            return hull(points, low);
        }
        double high = low;
        while (hull(points, high).area() < cityArea) {
            high *= 2;
        }
        for (int step = 0; step < 40; step++) {
            double mid = (low + high) / 2;
            if (hull(points, mid).area() < cityArea) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return hull(points, high);
    }

    /** Convex hull of the points, each widened to an octagon of the given radius. */
    static ConvexPolygon hull(List<PlanePoint> points, double buffer) {
        List<double[]> all = new ArrayList<>();
        for (PlanePoint p : points) {
            for (int k = 0; k < 8; k++) {
                double angle = Math.PI / 4 * k + Math.PI / 8;
                all.add(new double[] {p.x() + buffer * StrictMath.cos(angle), p.y() + buffer * StrictMath.sin(angle)});
            }
        }
        all.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        double[][] chain = new double[2 * all.size()][];
        int k = 0;
        for (double[] p : all) {
            while (k >= 2 && cross(chain[k - 2], chain[k - 1], p) <= 0) {
                k--;
            }
            chain[k++] = p;
        }
        for (int i = all.size() - 2, lower = k + 1; i >= 0; i--) {
            double[] p = all.get(i);
            while (k >= lower && cross(chain[k - 2], chain[k - 1], p) <= 0) {
                k--;
            }
            chain[k++] = p;
        }
        ConvexPolygon hull = ConvexPolygon.rectangle(-1e4, -1e4, 1e4, 1e4);
        for (int i = 0; i < k - 1; i++) {
            double[] a = chain[i];
            double[] b = chain[i + 1];
            // keep the left side of a->b, the inside of a counter-clockwise hull
            double nx = b[1] - a[1];
            double ny = a[0] - b[0];
            hull = hull.clip(nx, ny, nx * a[0] + ny * a[1], ConvexPolygon.OUTER);
        }
        return hull;
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }
}
