package cn.linli.casework.feed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox to the broker on one thread of its own: shortly after a transition commits, and every
 * {@code poll} for rows of other instances and for rows that wait for the broker. Once the broker answers (so no
 * database connection is held while it does not), it takes in one transaction the cluster-wide relay lock, reads the
 * oldest rows, publishes their events in order, and deletes the rows only once the broker confirmed them all. When
 * the broker is unreachable nothing is deleted and the same rows, with the same event ids, go out at the next
 * attempt; an instance that dies after the confirm but before its commit makes the next relay send them again,
 * which consumers absorb by the event id.
 */
@Component
@ConditionalOnBooleanProperty("linli.events.amqp.enabled")
class CaseFeedRelay {

    private static final Logger log = LoggerFactory.getLogger(CaseFeedRelay.class);
    /** A burst of commits goes out in one batch. */
    private static final long LINGER_MILLIS = 20;

    private final FeedStore store;
    private final FeedMessages messages;
    private final Broker broker;
    private final TransactionTemplate transactions;
    private final FeedSettings settings;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean failing;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "case-feed-relay");
        t.setDaemon(true);
        return t;
    });

    CaseFeedRelay(FeedStore store, FeedMessages messages, Broker broker, TransactionTemplate transactions,
            FeedSettings settings) {
        this.store = store;
        this.messages = messages;
        this.broker = broker;
        this.transactions = transactions;
        this.settings = settings;
        long poll = settings.poll().toMillis();
        thread.scheduleWithFixedDelay(this::wake, poll, poll, TimeUnit.MILLISECONDS);
    }

    /** Asks for a relay run soon; returns at once. */
    void wake() {
        if (!pending.compareAndSet(false, true)) return;
        try {
            thread.schedule(this::run, LINGER_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            pending.set(false);
        }
    }

    private void run() {
        pending.set(false);
        try {
            int sent = relayOnce();
            if (failing) {
                failing = false;
                log.info("case events: the broker at {} takes events again", settings.address());
            }
            if (sent == settings.batch()) wake();
        } catch (Exception e) {
            // The rows stay, in order; the next wake-up or poll sends them again.
            if (!failing) log.warn("case events: cannot deliver to {}, events wait in the outbox: {}", settings.address(), reason(e));
            failing = true;
        }
    }

    /** The exception with its causes: the client's IOException often says nothing itself and only wraps the reason. */
    private static String reason(Throwable e) {
        String reason = e.toString();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t != e) reason = reason + " / " + t;
        }
        return reason;
    }

    /** Sends one batch if this instance may relay now; the number of rows sent. */
    int relayOnce() throws IOException, TimeoutException {
        broker.connect();
        Integer sent = transactions.execute(status -> {
            if (!store.lockRelay()) return 0;
            List<FeedStore.Pending> rows = store.oldest(settings.batch());
            if (rows.isEmpty()) return 0;
            try {
                broker.publish(messages.of(rows));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the broker", e);
            } catch (Exception e) {
                throw new IllegalStateException(e.toString(), e);
            }
            List<Long> ids = new ArrayList<>(rows.size());
            rows.forEach(r -> ids.add(r.id()));
            store.delete(ids);
            return rows.size();
        });
        return sent == null ? 0 : sent;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        thread.shutdownNow();
        broker.close();
    }
}
