package cn.linli.territory.internal.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides which children's centre points can anchor them. A point must lie inside the parent and clear of
 * the other anchors. It must also be compatible with them: a power cell can only be much larger than its
 * neighbour when their sites are far apart (the weights' difference cannot exceed the squared distance), so
 * when a large unit's point lies right next to a small unit's, the large unit's point is given up; it is
 * the small unit that has nowhere else to go. County centres come first and are never given up.
 */
final class CentrePoints {

    private final ConvexPolygon parent;
    private final List<CellSplit.Child> children;
    private final double margin;
    private final double totalWeight;

    CentrePoints(ConvexPolygon parent, List<CellSplit.Child> children, double margin) {
        this.parent = parent;
        this.children = children;
        this.margin = margin;
        this.totalWeight = children.stream().mapToDouble(CellSplit.Child::weight).sum();
    }

    /**
     * Whether a child's rough position (the mean of its communities' points) may hold its site: only where
     * the child would have room around it. A large township whose few urban communities lie next to the city
     * core must not be held there, squeezed between the core's anchors.
     */
    boolean roomAround(CellSplit.Child child, PlanePoint p, List<List<PlanePoint>> anchors) {
        if (!inside(p)) {
            return false;
        }
        double radius = Math.sqrt(area(child) / Math.PI);
        for (int k = 0; k < children.size(); k++) {
            double other = Math.sqrt(area(children.get(k)) / Math.PI);
            for (PlanePoint a : anchors.get(k)) {
                if (children.get(k) != child && a.distanceTo(p) < 0.5 * (radius + other)) {
                    return false;
                }
            }
        }
        return true;
    }

    List<List<PlanePoint>> anchors() {
        List<List<PlanePoint>> anchors = new ArrayList<>();
        List<PlanePoint> accepted = new ArrayList<>();
        List<Double> acceptedArea = new ArrayList<>();
        for (CellSplit.Child child : children) {
            List<PlanePoint> own = new ArrayList<>();
            for (PlanePoint a : child.anchors()) {
                if (inside(a) && clear(a, accepted)) {
                    own.add(a);
                    accepted.add(a);
                    acceptedArea.add(area(child));
                }
            }
            anchors.add(own);
        }
        accepted.clear();
        acceptedArea.clear();
        for (int c = 0; c < children.size(); c++) {
            for (PlanePoint a : anchors.get(c)) {
                accepted.add(a);
                acceptedArea.add(area(children.get(c)));
            }
        }
        List<Integer> bySize = new ArrayList<>();
        for (int c = 0; c < children.size(); c++) {
            bySize.add(c);
        }
        bySize.sort(Comparator.comparingDouble(c -> children.get(c).weight()));
        for (int c : bySize) {
            CellSplit.Child child = children.get(c);
            PlanePoint p = child.point();
            if (p == null || anchors.get(c).contains(p) || !inside(p) || !clear(p, accepted)) {
                continue;
            }
            boolean compatible = true;
            for (int k = 0; k < accepted.size() && compatible; k++) {
                double d = accepted.get(k).distanceTo(p);
                compatible = Math.abs(area(child) - acceptedArea.get(k)) / Math.PI < 0.8 * d * d;
            }
            if (compatible) {
                anchors.get(c).add(p);
                accepted.add(p);
                acceptedArea.add(area(child));
            }
        }
        return anchors;
    }

    private double area(CellSplit.Child child) {
        return parent.area() * child.weight() / totalWeight;
    }

    private boolean inside(PlanePoint p) {
        return parent.insideDistance(p.x(), p.y()) >= margin;
    }

    private boolean clear(PlanePoint p, List<PlanePoint> accepted) {
        return accepted.stream().allMatch(a -> a.distanceTo(p) >= 3 * margin);
    }
}
