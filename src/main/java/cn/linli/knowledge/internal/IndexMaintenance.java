package cn.linli.knowledge.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.linli.cluster.ClusterSignals;

/**
 * Keeps every instance's search index equal to the database: built from the tables when the application starts,
 * updated on this instance when a change commits, rebuilt on the others when they hear the change's cluster signal
 * (which, like the change, is only sent if the transaction commits).
 */
@Component
public class IndexMaintenance implements SmartInitializingSingleton {

    public static final String SIGNAL = "knowledge";
    private static final Logger log = LoggerFactory.getLogger(IndexMaintenance.class);

    private final EntryStore store;
    private final SearchIndex index;
    private final ClusterSignals signals;

    IndexMaintenance(EntryStore store, SearchIndex index, ClusterSignals signals) {
        this.store = store;
        this.index = index;
        this.signals = signals;
    }

    @Override
    public void afterSingletonsInstantiated() {
        rebuild();
        signals.subscribe(SIGNAL, this::rebuild);
    }

    public void rebuild() {
        long start = System.nanoTime();
        index.replaceAll(store.all(), store.synonyms());
        log.info("Knowledge index built: {} entries in {} ms", index.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /** Tells the other instances, in the transaction that writes the change. */
    public void announce() {
        signals.signal(SIGNAL);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void saved(KnowledgeSaved saved) {
        if (saved.entryId() == null) {
            index.useSynonyms(store.synonyms());
        } else {
            store.find(saved.entryId()).ifPresent(index::put);
        }
    }
}
