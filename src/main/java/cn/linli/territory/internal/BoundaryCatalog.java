package cn.linli.territory.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;

import cn.linli.shared.DivisionLevel;

/**
 * Every stored boundary, parsed once and held in memory (a city's boundaries are a few MB), reloaded after each
 * committed territory change (by the Locator, which then rebuilds its index from it). The map, the export and the locate index read from here, not from the database.
 */
@Component
public class BoundaryCatalog {

    private final BoundaryStore store;
    private final TerritoryState state;
    private volatile List<BoundaryStore.StoredBoundary> all;

    BoundaryCatalog(BoundaryStore store, TerritoryState state) {
        this.store = store;
        this.state = state;
    }

    public List<BoundaryStore.StoredBoundary> all() {
        List<BoundaryStore.StoredBoundary> current = all;
        if (current == null) current = reload();
        return current;
    }

    /** The boundaries of one level valid on a date, optionally only those meeting an envelope. */
    public List<BoundaryStore.StoredBoundary> at(DivisionLevel level, LocalDate date, Envelope within) {
        TerritoryHistory history = state.history();
        return all().stream()
                .filter(b -> b.validOn(date))
                .filter(b -> history.latest(b.unitId()).map(v -> v.level() == level).orElse(false))
                .filter(b -> within == null || within.intersects(b.geometry().getEnvelopeInternal()))
                .toList();
    }

    public Optional<Geometry> of(long unitId, LocalDate date) {
        return all().stream().filter(b -> b.unitId() == unitId && b.validOn(date)).map(BoundaryStore.StoredBoundary::geometry).findFirst();
    }

    public synchronized List<BoundaryStore.StoredBoundary> reload() {
        List<BoundaryStore.StoredBoundary> loaded = List.copyOf(store.loadAll());
        all = loaded;
        return loaded;
    }
}
