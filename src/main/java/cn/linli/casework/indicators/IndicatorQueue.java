package cn.linli.casework.indicators;

import java.util.HashSet;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.linli.casework.CaseChanged;

/**
 * Queues a changed case for the indicator rollup inside the transaction that changed it, so the queue row commits
 * or rolls back with the history lines it stands for (a transactional outbox of our own: no publication row to
 * write and complete per line, and the drainer folds many cases at once). A transition that writes several lines
 * queues its case once; after commit the drainer is woken.
 */
@Component
class IndicatorQueue {

    /** The cases queued by the current transaction. */
    private static final Object QUEUED = new Object();

    private final IndicatorStore store;
    private final IndicatorDrainer drainer;

    IndicatorQueue(IndicatorStore store, IndicatorDrainer drainer) {
        this.store = store;
        this.drainer = drainer;
    }

    @EventListener
    void on(CaseChanged changed) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            store.enqueue(changed.caseId());
            drainer.wake();
            return;
        }
        if (queuedInThisTransaction().add(changed.caseId())) store.enqueue(changed.caseId());
    }

    @SuppressWarnings("unchecked")
    private Set<Long> queuedInThisTransaction() {
        Set<Long> queued = (Set<Long>) TransactionSynchronizationManager.getResource(QUEUED);
        if (queued != null) return queued;
        Set<Long> fresh = new HashSet<>();
        TransactionSynchronizationManager.bindResource(QUEUED, fresh);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                drainer.wake();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(QUEUED);
            }
        });
        return fresh;
    }
}
