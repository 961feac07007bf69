package cn.linli.territory.internal;

import java.time.LocalDate;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.territory.ReorganisationKind;
import cn.linli.cluster.ClusterSignals;
import cn.linli.territory.TerritoryChanged;

/**
 * Runs one recorded operation: opens a transaction, hands a working copy to the change, and after commit swaps
 * the in-memory history; a failure rolls everything back and leaves the history as it was.
 */
@Component
public class TerritoryTransactions {

    private final DivisionStore store;
    private final TerritoryState state;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final ClusterSignals signals;

    TerritoryTransactions(DivisionStore store, TerritoryState state, TransactionTemplate transactions, ApplicationEventPublisher events,
            ClusterSignals signals) {
        this.store = store;
        this.state = state;
        this.transactions = transactions;
        this.events = events;
        this.signals = signals;
    }

    /** The cluster signal that tells the other instances to reload the territory and its boundaries. */
    public static final String SIGNAL = "territory";

    public record Operation(long id, TerritoryWorkingCopy territory) {
    }

    public synchronized <T> T run(ReorganisationKind kind, LocalDate date, String note, Function<Operation, T> change) {
        return transactions.execute(status -> {
            var copy = new TerritoryWorkingCopy(store, state.history());
            long operationId = store.insertOperation(kind, date, note == null || note.isBlank() ? null : note.strip(), actorName());
            T result = change.apply(new Operation(operationId, copy));
            copy.flush();
            TerritoryHistory changed = copy.history();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    // Registered before the event is published, so listeners after commit see the new history.
                    state.replace(changed);
                }
            });
            events.publishEvent(new TerritoryChanged(operationId, kind, date));
            signals.signal(SIGNAL);
            return result;
        });
    }

    static String actorName() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? "system" : authentication.getName();
    }
}
