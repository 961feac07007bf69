package cn.linli.territory.internal.demo;

import java.util.List;

/** Where a power site may stand: inside its region, and near its anchors. */
final class SitePlacement {

    private SitePlacement() {
    }

    /** The point itself if it lies inside the bound, else the point nearest to it on the way to the centroid. */
    static PlanePoint inside(ConvexPolygon bound, PlanePoint p) {
        if (bound.insideDistance(p.x(), p.y()) > 0) {
            return p;
        }
        PlanePoint c = bound.centroid();
        double low = 0;
        double high = 1;
        for (int step = 0; step < 50; step++) {
            double mid = (low + high) / 2;
            if (bound.insideDistance(c.x() + mid * (p.x() - c.x()), c.y() + mid * (p.y() - c.y())) > 0) {
                low = mid;
            } else {
                high = mid;
            }
        }
        double t = low * 0.999;
        return new PlanePoint(c.x() + t * (p.x() - c.x()), c.y() + t * (p.y() - c.y()));
    }

    /**
     * How far an anchored site may step off its anchors towards its cell's centre, for rounder cells: a
     * little, and never so far that two anchored sites could pass each other, which no weights could repair.
     */
    static double anchoredReach(List<PowerPartition.Site> sites, int i, PlanePoint keeper, double targetArea) {
        double nearest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < sites.size(); j++) {
            if (j == i) {
                continue;
            }
            for (PlanePoint own : sites.get(i).anchors()) {
                for (PlanePoint other : sites.get(j).anchors()) {
                    nearest = Math.min(nearest, own.distanceTo(other));
                }
            }
        }
        double spread = 0;
        for (PlanePoint own : sites.get(i).anchors()) {
            spread = Math.max(spread, own.distanceTo(keeper));
        }
        return Math.max(0, Math.min(0.4 * Math.sqrt(targetArea / Math.PI), 0.45 * nearest - spread));
    }
}
