package cn.linli.territory.internal.demo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Splits the urban core's cell among its districts as sectors around the core's centre, each sector exactly as
 * large as its district. The districts' seats lie a kilometre or two apart in a core some ten kilometres across,
 * so power cells around them are wedges anyway, but their angles follow from where the sites happen to stand
 * and, with every seat pinned to its border by the others, cannot be tuned: a district came out at half or
 * twice its size. Here the wedges are drawn directly: in the seats' order around the centre, each ray turned
 * until its sector has its district's area, and of all starting directions the one that keeps every district's
 * points deepest inside its own sector. Each sector spans at most a half-turn, so every district stays convex.
 */
final class CoreSectors {

    private static final int DIRECTIONS = 360;
    private static final int BISECTIONS = 40;

    private CoreSectors() {
    }

    /**
     * The districts' cells, or null when sectors cannot hold every district's points by the margin.
     *
     * @param areas per district, summing to the cell's area
     * @param points per district, the points its cell must contain
     */
    static List<ConvexPolygon> split(ConvexPolygon cell, PlanePoint centre, double[] areas, List<List<PlanePoint>> points,
            double margin) {
        int n = areas.length;
        if (n < 2 || cell.insideDistance(centre.x(), centre.y()) <= 0) {
            return null;
        }
        double[] direction = new double[n];
        for (int d = 0; d < n; d++) {
            if (points.get(d).isEmpty()) {
                return null;
            }
            PlanePoint seat = points.get(d).get(0);
            if (seat.distanceTo(centre) < 2 * margin) {
                return null;
            }
            direction[d] = StrictMath.atan2(seat.y() - centre.y(), seat.x() - centre.x());
        }
        Integer[] order = new Integer[n];
        for (int d = 0; d < n; d++) {
            order[d] = d;
        }
        Arrays.sort(order, Comparator.comparingDouble(d -> direction[d]));
        double[] best = null;
        double bestDepth = margin;
        for (int k = 0; k < DIRECTIONS; k++) {
            // the first ray runs just clockwise of the first seat, anywhere between it and the last seat
            double start = direction[order[0]] - 2 * Math.PI * (k + 0.5) / DIRECTIONS;
            double[] rays = rays(cell, centre, start, order, areas);
            if (rays == null) {
                continue;
            }
            double depth = depth(centre, rays, order, points);
            if (depth > bestDepth) {
                bestDepth = depth;
                best = rays;
            }
        }
        if (best == null) {
            return null;
        }
        ConvexPolygon[] cells = new ConvexPolygon[n];
        for (int s = 0; s < n; s++) {
            int previous = order[(s + n - 1) % n];
            int next = order[(s + 1) % n];
            cells[order[s]] = sector(cell, centre, best[s], best[s + 1], previous, next);
            if (cells[order[s]] == null) {
                return null;
            }
        }
        return List.of(cells);
    }

    /** The ray angles, first to last and the first again a turn later; null where a sector would pass a half-turn. */
    private static double[] rays(ConvexPolygon cell, PlanePoint centre, double start, Integer[] order, double[] areas) {
        int n = order.length;
        double[] rays = new double[n + 1];
        rays[0] = start;
        for (int s = 0; s < n - 1; s++) {
            double from = rays[s];
            double target = areas[order[s]];
            if (area(cell, centre, from, from + Math.PI) < target) {
                return null;
            }
            double low = from;
            double high = from + Math.PI;
            for (int step = 0; step < BISECTIONS; step++) {
                double mid = (low + high) / 2;
                if (area(cell, centre, from, mid) < target) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            rays[s + 1] = (low + high) / 2;
        }
        rays[n] = start + 2 * Math.PI;
        return rays[n] - rays[n - 1] <= Math.PI ? rays : null;
    }

    /** How deep the least deep point lies inside its own sector (negative when outside it). */
    private static double depth(PlanePoint centre, double[] rays, Integer[] order, List<List<PlanePoint>> points) {
        double worst = Double.POSITIVE_INFINITY;
        for (int s = 0; s < order.length; s++) {
            for (PlanePoint p : points.get(order[s])) {
                double dx = p.x() - centre.x();
                double dy = p.y() - centre.y();
                // signed distances to the two rays' lines, positive on the sector's side
                // a sector spans at most a half-turn, so it is where both are
                double left = StrictMath.cos(rays[s]) * dy - StrictMath.sin(rays[s]) * dx;
                double right = StrictMath.sin(rays[s + 1]) * dx - StrictMath.cos(rays[s + 1]) * dy;
                worst = Math.min(worst, Math.min(left, right));
            }
        }
        return worst;
    }

    private static double area(ConvexPolygon cell, PlanePoint centre, double from, double to) {
        ConvexPolygon sector = sector(cell, centre, from, to, -1, -1);
        return sector == null ? 0 : sector.area();
    }

    /** The part of the cell between the two rays (counter-clockwise from the first, at most a half-turn). */
    private static ConvexPolygon sector(ConvexPolygon cell, PlanePoint centre, double from, double to, int before,
            int after) {
        double fx = StrictMath.cos(from);
        double fy = StrictMath.sin(from);
        double tx = StrictMath.cos(to);
        double ty = StrictMath.sin(to);
        // left of the first ray: fx * (y - cy) - fy * (x - cx) >= 0
        ConvexPolygon part = cell.clip(fy, -fx, fy * centre.x() - fx * centre.y(), before);
        if (part == null) {
            return null;
        }
        // right of the second ray: tx * (y - cy) - ty * (x - cx) <= 0
        return part.clip(-ty, tx, -ty * centre.x() + tx * centre.y(), after);
    }
}
