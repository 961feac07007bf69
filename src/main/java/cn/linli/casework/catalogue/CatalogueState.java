package cn.linli.casework.catalogue;

import org.springframework.stereotype.Component;

import cn.linli.cluster.ClusterSignals;

/**
 * The committed catalogue held in memory with its search index, replaced as a whole after each committed change
 * (here, or on another instance, which signals it), so readers never see half a change.
 */
@Component
public class CatalogueState {

    /** The cluster signal that tells the other instances to reload the catalogue. */
    public static final String SIGNAL = "casework-categories";

    private record Loaded(CatalogueHistory history, CategorySearch search) {
    }

    private final CategoryStore store;
    private volatile Loaded loaded;

    CatalogueState(CategoryStore store, ClusterSignals signals) {
        this.store = store;
        signals.subscribe(SIGNAL, this::reload);
    }

    public CatalogueHistory history() {
        return loaded().history();
    }

    public Catalogue current() {
        return history().current();
    }

    public CategorySearch search() {
        return loaded().search();
    }

    public synchronized void reload() {
        var history = new CatalogueHistory(store.loadAll());
        loaded = new Loaded(history, new CategorySearch(history.current()));
    }

    private Loaded loaded() {
        Loaded current = loaded;
        if (current == null) {
            reload();
            current = loaded;
        }
        return current;
    }
}
