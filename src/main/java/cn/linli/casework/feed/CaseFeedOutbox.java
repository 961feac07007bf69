package cn.linli.casework.feed;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.linli.casework.CaseChanged;
import cn.linli.casework.SlaBreached;

/**
 * Collects the events of a transaction per case and writes them, just before it commits, as one outbox row per case
 * (a transition: one insert, whatever number of history lines it wrote), so the row commits or rolls back with the
 * history it stands for. The relay is woken after commit. Exists only while events are enabled: otherwise nothing is
 * written and no rows pile up.
 */
@Component
@ConditionalOnBooleanProperty("linli.events.amqp.enabled")
class CaseFeedOutbox {

    /** The events of the current transaction, per case. */
    private static final Object COLLECTED = new Object();

    private final FeedStore store;
    private final CaseFeedRelay relay;
    private final Clock clock;

    CaseFeedOutbox(FeedStore store, CaseFeedRelay relay, Clock clock) {
        this.store = store;
        this.relay = relay;
        this.clock = clock;
    }

    @EventListener
    void on(CaseChanged changed) {
        add(changed.caseId(), FeedEvent.of(changed));
    }

    @EventListener
    void on(SlaBreached breached) {
        add(breached.caseId(), FeedEvent.of(breached, clock.instant()));
    }

    private void add(long caseId, FeedEvent event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            store.append(caseId, List.of(event));
            relay.wake();
            return;
        }
        collected().computeIfAbsent(caseId, id -> new ArrayList<>()).add(event);
    }

    @SuppressWarnings("unchecked")
    private Map<Long, List<FeedEvent>> collected() {
        Map<Long, List<FeedEvent>> collected = (Map<Long, List<FeedEvent>>) TransactionSynchronizationManager.getResource(COLLECTED);
        if (collected != null) return collected;
        Map<Long, List<FeedEvent>> fresh = new LinkedHashMap<>();
        TransactionSynchronizationManager.bindResource(COLLECTED, fresh);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                fresh.forEach(store::append);
            }

            @Override
            public void afterCommit() {
                relay.wake();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(COLLECTED);
            }
        });
        return fresh;
    }
}
