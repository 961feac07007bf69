package cn.linli.territory.internal.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Splits one convex layout cell among its children: a county among its townships, a township among its
 * communities, a community among its grids. Children with usable centre points are anchored to them; children
 * with only a rough position start there; urban children start near the unit's seat, so that a town's
 * residents' committees cluster at its centre and its villages spread around them.
 */
final class CellSplit {

    /**
     * A child to place: relative size, the points it must contain (a county's centre), its own centre point if
     * known, a rough position if known, and whether it belongs at the seat.
     */
    record Child(double weight, List<PlanePoint> anchors, PlanePoint point, PlanePoint hint, boolean central) {
    }

    private CellSplit() {
    }

    static List<ConvexPolygon> split(ConvexPolygon parent, List<Child> children, PlanePoint seat,
            SplittableRandom random, int iterations, double margin) {
        if (children.size() == 1) {
            return List.of(parent);
        }
        double area = parent.area();
        double totalWeight = children.stream().mapToDouble(Child::weight).sum();
        PlanePoint centre = seat != null && parent.insideDistance(seat.x(), seat.y()) > 0 ? seat : parent.centroid();
        double centralArea = 0;
        for (Child child : children) {
            centralArea += child.central() ? area * child.weight() / totalWeight : 0;
        }
        double centralRadius = Math.sqrt(centralArea / Math.PI);
        CentrePoints centrePoints = new CentrePoints(parent, children, margin);
        List<List<PlanePoint>> anchors = centrePoints.anchors();
        List<PowerPartition.Site> sites = new ArrayList<>();
        for (int c = 0; c < children.size(); c++) {
            Child child = children.get(c);
            PlanePoint start;
            PlanePoint tether = null;
            if (!anchors.get(c).isEmpty()) {
                start = PlanePoint.meanOf(anchors.get(c));
                // a central child (the urban core, a county seat's street) stays centred on its points, rather than
                // drifting off them and leaving them at its edge, where its neighbours would hem them in
                tether = child.central() ? start : null;
            } else if (child.hint() != null && parent.insideDistance(child.hint().x(), child.hint().y()) > 0) {
                // a rough position (the mean of a township's community points) holds the site near it
                start = jittered(child.hint(), parent, margin, random);
                tether = centrePoints.roomAround(child, start, anchors) ? start : null;
            } else if (child.central()) {
                start = pointNear(parent, centre, centralRadius, random);
            } else {
                start = pointInside(parent, random);
            }
            sites.add(new PowerPartition.Site(area * child.weight() / totalWeight, anchors.get(c), tether, start));
        }
        List<ConvexPolygon> cells = new PowerPartition(parent, sites, margin).relax(iterations).cells();
        if (cells.contains(null)) {
            throw new IllegalStateException("a child of the cell ended up without land: " + cells.indexOf(null) + " of "
                    + children.size() + " area " + area + " " + sites);
        }
        return cells;
    }

    /** Children sharing a rough position must not share a site, or neither would have a border with the other. */
    private static PlanePoint jittered(PlanePoint hint, ConvexPolygon parent, double margin, SplittableRandom random) {
        for (int attempt = 0; attempt < 20; attempt++) {
            double x = hint.x() + (random.nextDouble() - 0.5) * 4 * margin;
            double y = hint.y() + (random.nextDouble() - 0.5) * 4 * margin;
            if (parent.insideDistance(x, y) > 0) {
                return new PlanePoint(x, y);
            }
        }
        return hint;
    }

    static PlanePoint pointInside(ConvexPolygon cell, SplittableRandom random) {
        for (int attempt = 0; attempt < 200; attempt++) {
            double x = cell.minX() + random.nextDouble() * (cell.maxX() - cell.minX());
            double y = cell.minY() + random.nextDouble() * (cell.maxY() - cell.minY());
            if (cell.insideDistance(x, y) > 0) {
                return new PlanePoint(x, y);
            }
        }
        return cell.centroid();
    }

    private static PlanePoint pointNear(ConvexPolygon cell, PlanePoint centre, double radius, SplittableRandom random) {
        for (int attempt = 0; attempt < 200; attempt++) {
            double r = radius * Math.sqrt(random.nextDouble());
            double angle = 2 * Math.PI * random.nextDouble();
            double x = centre.x() + r * StrictMath.cos(angle);
            double y = centre.y() + r * StrictMath.sin(angle);
            if (cell.insideDistance(x, y) > 0) {
                return new PlanePoint(x, y);
            }
            radius *= 0.97;
        }
        return pointInside(cell, random);
    }
}
