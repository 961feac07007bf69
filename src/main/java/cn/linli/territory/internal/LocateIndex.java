package cn.linli.territory.internal;

import java.time.LocalDate;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.ItemVisitor;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Point-in-polygon over the lowest boundaries (grids): an STRtree of prepared polygons, each with its validity
 * period, so "which grid, on which date" is answered without touching the database. Immutable once built; a
 * boundary change builds a new index and swaps it in.
 */
public final class LocateIndex {

    record Entry(long unitId, LocalDate validFrom, LocalDate validTo, PreparedGeometry polygon) {

        boolean validOn(LocalDate date) {
            return !validFrom.isAfter(date) && (validTo == null || validTo.isAfter(date));
        }
    }

    private final STRtree tree;
    private final int size;
    private final Envelope extent = new Envelope();

    public LocateIndex(List<BoundaryStore.StoredBoundary> boundaries) {
        this.tree = new STRtree();
        for (BoundaryStore.StoredBoundary boundary : boundaries) {
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(boundary.geometry());
            // Build the point-in-area structure now, so the first queries after a swap are not slow.
            prepared.covers(boundary.geometry().getInteriorPoint());
            tree.insert(boundary.geometry().getEnvelopeInternal(),
                    new Entry(boundary.unitId(), boundary.validFrom(), boundary.validTo(), prepared));
            extent.expandToInclude(boundary.geometry().getEnvelopeInternal());
        }
        tree.build();
        this.size = boundaries.size();
    }

    public int size() {
        return size;
    }

    /** The id of the unit whose boundary covers the point on the date, or -1. */
    public long locate(double lng, double lat, LocalDate date) {
        if (!extent.contains(lng, lat)) return -1;
        Point point = BoundaryStore.WGS84.createPoint(new Coordinate(lng, lat));
        var finder = new Finder(point, date);
        tree.query(new Envelope(lng, lng, lat, lat), finder);
        return finder.found;
    }

    private static final class Finder implements ItemVisitor {
        private final Point point;
        private final LocalDate date;
        private long found = -1;

        Finder(Point point, LocalDate date) {
            this.point = point;
            this.date = date;
        }

        @Override
        public void visitItem(Object item) {
            if (found >= 0) return;
            Entry entry = (Entry) item;
            if (entry.validOn(date) && entry.polygon().covers(point)) found = entry.unitId();
        }
    }
}
