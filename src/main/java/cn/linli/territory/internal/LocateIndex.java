package cn.linli.territory.internal;

import java.time.LocalDate;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.ItemVisitor;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Point-in-polygon over the lowest boundaries (grids): an STRtree of prepared polygons (their indexed point-in-area
 * locators), each with its validity period, so "which grid, on which date" is answered without the database; in
 * front of it a raster answers most points of the current boundaries with one array read. Immutable once built;
 * a boundary change builds a new index and swaps it in.
 */
public final class LocateIndex {

    record Entry(long unitId, LocalDate validFrom, LocalDate validTo, IndexedPointInAreaLocator polygon) {

        boolean validOn(LocalDate date) {
            return !validFrom.isAfter(date) && (validTo == null || validTo.isAfter(date));
        }
    }

    /** Cells per side of the raster: 1024 cells of about 500 m over a city of 5° × 3°, about 2 MB. */
    private static final int RASTER_SIDE = 1024;

    private final STRtree tree;
    private final int size;
    private final Envelope extent = new Envelope();
    private final java.util.Map<BoundaryStore.StoredBoundary, Entry> entries = new java.util.IdentityHashMap<>();
    private final CellRaster raster;
    private Entry[] open;

    public LocateIndex(List<BoundaryStore.StoredBoundary> boundaries) {
        this.tree = new STRtree();
        for (BoundaryStore.StoredBoundary boundary : boundaries) {
            // The point-in-area structure that prepared polygons use, asked directly (no Point object per query),
            // and built now, so the first queries after a swap are not slow.
            var prepared = new IndexedPointInAreaLocator(boundary.geometry());
            prepared.locate(boundary.geometry().getInteriorPoint().getCoordinate());
            var entry = new Entry(boundary.unitId(), boundary.validFrom(), boundary.validTo(), prepared);
            entries.put(boundary, entry);
            tree.insert(boundary.geometry().getEnvelopeInternal(), entry);
            extent.expandToInclude(boundary.geometry().getEnvelopeInternal());
        }
        tree.build();
        this.size = boundaries.size();
        this.raster = buildRaster(boundaries);
    }

    /** The raster covers the open boundaries, the ones most lookups ask about; other dates go to the tree. */
    private CellRaster buildRaster(List<BoundaryStore.StoredBoundary> boundaries) {
        open = boundaries.stream().filter(b -> b.validTo() == null).map(b -> entries.get(b)).toArray(Entry[]::new);
        if (open.length == 0) return null;
        var index = new java.util.IdentityHashMap<Entry, Integer>();
        for (int i = 0; i < open.length; i++) index.put(open[i], i);
        List<org.locationtech.jts.geom.Geometry> polygons = boundaries.stream().filter(b -> b.validTo() == null)
                .map(BoundaryStore.StoredBoundary::geometry).toList();
        return new CellRaster(polygons, extent, RASTER_SIDE, (x, y) -> {
            Entry entry = find(x, y, null);
            return entry == null ? -1 : index.get(entry);
        });
    }

    public int size() {
        return size;
    }

    /** The id of the unit whose boundary covers the point on the date, or -1. */
    public long locate(double lng, double lat, LocalDate date) {
        if (!extent.contains(lng, lat)) return -1;
        if (raster != null) {
            int cell = raster.lookup(lng, lat);
            if (cell >= 0 && open[cell].validOn(date)) return open[cell].unitId();
            // Outside every open boundary; only a closed (older) boundary could still cover the point.
            if (cell == CellRaster.OUTSIDE && open.length == size) return -1;
        }
        Entry entry = find(lng, lat, date);
        return entry == null ? -1 : entry.unitId();
    }

    /** The same answer through the STRtree alone, without the raster (for benchmarks and tests). */
    public long locateByTree(double lng, double lat, LocalDate date) {
        Entry entry = find(lng, lat, date);
        return entry == null ? -1 : entry.unitId();
    }

    /** The entry covering the point on the date (any date when null), through the tree. */
    private Entry find(double lng, double lat, LocalDate date) {
        var finder = new Finder(new Coordinate(lng, lat), date);
        tree.query(new Envelope(lng, lng, lat, lat), finder);
        return finder.found;
    }

    private static final class Finder implements ItemVisitor {
        private final Coordinate point;
        private final LocalDate date;
        private Entry found;

        Finder(Coordinate point, LocalDate date) {
            this.point = point;
            this.date = date;
        }

        @Override
        public void visitItem(Object item) {
            if (found != null) return;
            Entry entry = (Entry) item;
            if ((date == null ? entry.validTo() == null : entry.validOn(date)) && entry.polygon().locate(point) != Location.EXTERIOR) {
                found = entry;
            }
        }
    }
}
