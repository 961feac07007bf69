package cn.linli.territory.internal.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The empty parts of the city's domain, probed on a regular raster by their distance to the nearest known
 * point. The "sea" that trims the domain to the city's area takes the emptiest spots along the domain's border.
 */
final class OpenLand {

    /** A patch of the domain that is not city: where its site sits and how much it takes (km²). */
    record Sea(PlanePoint site, double area) {
    }

    private static final double SPACING = 4;
    private static final double MIN_EMPTINESS = 10;

    private final ConvexPolygon outline;
    private final List<PlanePoint> probes = new ArrayList<>();
    private final List<Double> emptiness = new ArrayList<>();

    OpenLand(ConvexPolygon outline, List<PlanePoint> points) {
        this.outline = outline;
        for (double y = outline.minY() + SPACING / 2; y < outline.maxY(); y += SPACING) {
            for (double x = outline.minX() + SPACING / 2; x < outline.maxX(); x += SPACING) {
                if (outline.insideDistance(x, y) <= SPACING / 2) {
                    continue;
                }
                double nearest = Double.POSITIVE_INFINITY;
                for (PlanePoint p : points) {
                    double dx = p.x() - x;
                    double dy = p.y() - y;
                    nearest = Math.min(nearest, dx * dx + dy * dy);
                }
                probes.add(new PlanePoint(x, y));
                emptiness.add(Math.sqrt(nearest));
            }
        }
    }

    private void occupy(PlanePoint spot) {
        for (int i = 0; i < probes.size(); i++) {
            emptiness.set(i, Math.min(emptiness.get(i), probes.get(i).distanceTo(spot)));
        }
    }

    /**
     * Sea patches taking {@code excess} km² in total: the emptiest spots whose empty surroundings reach the
     * domain's border, so that no sea is enclosed by the city and leaves a hole.
     */
    List<Sea> seas(double excess) {
        List<PlanePoint> sites = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        while (excess > 0) {
            int best = -1;
            for (int i = 0; i < probes.size(); i++) {
                PlanePoint p = probes.get(i);
                double e = emptiness.get(i);
                if (e >= MIN_EMPTINESS && outline.insideDistance(p.x(), p.y()) < 0.8 * e
                        && (best < 0 || e > emptiness.get(best))) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            PlanePoint site = probes.get(best);
            double radius = emptiness.get(best);
            sites.add(site);
            weights.add(radius * radius);
            occupy(site);
            for (int i = 0; i < probes.size(); i++) {
                if (probes.get(i).distanceTo(site) < 1.5 * radius) {
                    emptiness.set(i, 0.0);
                }
            }
        }
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        List<Sea> seas = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            seas.add(new Sea(sites.get(i), excess * weights.get(i) / total));
        }
        return seas;
    }
}
