package cn.linli.territory.internal.demo;

/** A position in the generator's flat working plane: kilometres east and north of the city's centre point. */
record PlanePoint(double x, double y) {

    static PlanePoint meanOf(java.util.List<PlanePoint> points) {
        double x = 0;
        double y = 0;
        for (PlanePoint p : points) {
            x += p.x;
            y += p.y;
        }
        return new PlanePoint(x / points.size(), y / points.size());
    }

    double distanceTo(PlanePoint other) {
        double dx = x - other.x;
        double dy = y - other.y;
        return Math.sqrt(dx * dx + dy * dy);
    }
}
