package cn.linli.organisation.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.linli.cluster.ClusterSignals;

/**
 * The committed handling units and memberships held in memory, so that routing a case costs no query. Replaced as a
 * whole after each committed change (readers never see half of one), and reloaded when another instance on the same
 * database signals a change.
 */
@Component
public class OrganisationState {

    /** The cluster channel that tells the other instances to reload the organisation. */
    static final String SIGNAL = "organisation";

    private final HandlingUnitStore store;
    private final ClusterSignals signals;
    private volatile Directory directory;

    OrganisationState(HandlingUnitStore store, ClusterSignals signals) {
        this.store = store;
        this.signals = signals;
        signals.subscribe(SIGNAL, this::reload);
    }

    public Directory directory() {
        Directory current = directory;
        return current != null ? current : reload();
    }

    public synchronized Directory reload() {
        directory = store.load();
        return directory;
    }

    /**
     * To be called inside the transaction that changed the organisation: reloads this instance after commit and
     * signals the others; a rollback leaves the directory as it was.
     */
    public void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reload();
                }
            });
        } else {
            reload();
        }
        signals.signal(SIGNAL);
    }
}
