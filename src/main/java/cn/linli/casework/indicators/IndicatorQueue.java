package cn.linli.casework.indicators;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.linli.casework.CaseChanged;

/**
 * Wakes the drainer once a transaction that changed a case has committed. The queue row itself
 * ({@code casework_indicator_due}) is written by the case store with the transition's history lines, in the same
 * transaction (on PostgreSQL in the same statement): a transactional outbox of our own, with no publication row to
 * write and complete per line, and the drainer folds many cases at once.
 */
@Component
class IndicatorQueue {

    /** Marks a transaction whose commit already wakes the drainer. */
    private static final Object WAKES = new Object();

    private final IndicatorDrainer drainer;

    IndicatorQueue(IndicatorDrainer drainer) {
        this.drainer = drainer;
    }

    @EventListener
    void on(CaseChanged changed) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            drainer.wake();
            return;
        }
        if (TransactionSynchronizationManager.hasResource(WAKES)) return;
        TransactionSynchronizationManager.bindResource(WAKES, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                drainer.wake();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(WAKES);
            }
        });
    }
}
