package cn.linli.territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.linli.shared.DivisionLevel;
import cn.linli.shared.GeoPoint;
import cn.linli.territory.internal.BoundaryCatalog;
import cn.linli.territory.internal.LocateIndex;
import cn.linli.territory.internal.TerritoryState;

/**
 * Answers which grid, community, township, county and city a point lies in, now or on a date, from an in-memory
 * index of grid boundaries that is rebuilt and swapped after every committed territory change.
 */
@Service
public class Locator {

    private final BoundaryCatalog boundaries;
    private final TerritoryState state;
    private volatile LocateIndex index;

    Locator(BoundaryCatalog boundaries, TerritoryState state) {
        this.boundaries = boundaries;
        this.state = state;
    }

    /** Locates a WGS84 point; a date before the first records is refused, a point outside gives an empty answer. */
    public Location locate(GeoPoint point, LocalDate asOf) {
        LocalDate date = asOf != null ? asOf : LocalDate.now(TerritoryState.CITY_ZONE);
        state.history().firstDate().filter(date::isBefore).ifPresent(first -> {
            throw new TerritoryException("date", "territory.error.date-before-history", date, first);
        });
        long unitId = index().locate(point.lng(), point.lat(), date);
        if (unitId < 0) return new Location(point, date, List.of());
        DivisionTree tree = state.asOf(date);
        List<Division> units = new ArrayList<>(tree.ancestors(unitId));
        tree.find(unitId).ifPresent(units::add);
        return new Location(point, date, List.copyOf(units));
    }

    /** Locates only the grid's id (the hot path of benchmarks and bulk geocoding), -1 when outside. */
    public long locateGridId(double lng, double lat, LocalDate date) {
        return index().locate(lng, lat, date);
    }

    LocateIndex index() {
        LocateIndex current = index;
        if (current == null) current = rebuild();
        return current;
    }

    /** Builds a new index from the stored grid boundaries and swaps it in. */
    public synchronized LocateIndex rebuild() {
        var history = state.history();
        var grids = boundaries.all().stream()
                .filter(b -> history.latest(b.unitId()).map(v -> v.level() == DivisionLevel.GRID).orElse(false))
                .toList();
        LocateIndex built = new LocateIndex(grids);
        index = built;
        return built;
    }

    @TransactionalEventListener
    void on(TerritoryChanged changed) {
        boundaries.reload();
        rebuild();
    }
}
