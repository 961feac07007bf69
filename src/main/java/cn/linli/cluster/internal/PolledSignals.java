package cn.linli.cluster.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.linli.cluster.ClusterSignals;

/**
 * Signals for databases without {@code LISTEN/NOTIFY} (the embedded H2): a signal raises the channel's counter in
 * {@code cluster_signal} inside the sender's transaction, and every instance polls the counters once a second. It
 * behaves as the PostgreSQL variant does: a signal counts only when its transaction commits, the sender does not
 * hear itself, and after a failed poll every subscriber runs once. Only the latency differs (up to a second).
 */
final class PolledSignals implements ClusterSignals, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PolledSignals.class);

    private final JdbcClient jdbc;
    private final long pollMillis;
    private final String instanceId = UUID.randomUUID().toString();
    private final Subscribers subscribers = new Subscribers();
    private final Map<String, Long> seen = new HashMap<>();
    private ScheduledExecutorService poller;
    private boolean failing;

    PolledSignals(JdbcClient jdbc, long pollMillis) {
        this.jdbc = jdbc;
        this.pollMillis = pollMillis;
    }

    @Override
    public void signal(String channel) {
        ClusterSignals.requireChannel(channel);
        int updated = jdbc.sql("update cluster_signal set counter = counter + 1, sent_by = :me where channel = :channel")
                .param("me", instanceId).param("channel", channel).update();
        if (updated == 0) {
            jdbc.sql("insert into cluster_signal (channel, counter, sent_by) values (:channel, 1, :me)")
                    .param("channel", channel).param("me", instanceId).update();
        }
    }

    @Override
    public void subscribe(String channel, Runnable onSignal) {
        subscribers.add(ClusterSignals.requireChannel(channel), onSignal);
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public synchronized void start() {
        readCounters().forEach((channel, counter) -> seen.put(channel, counter.counter()));
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "linli-cluster-poller");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (poller != null) poller.shutdownNow();
        poller = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }

    private record Counter(long counter, String sentBy) {
    }

    private void poll() {
        Map<String, Counter> counters;
        try {
            counters = readCounters();
        } catch (RuntimeException e) {
            if (!failing) log.warn("Cannot read cluster signals ({}); will refresh everything when it works again", e.getMessage());
            failing = true;
            return;
        }
        if (failing) {
            failing = false;
            counters.forEach((channel, counter) -> seen.put(channel, counter.counter()));
            subscribers.deliverAll();
            return;
        }
        counters.forEach((channel, counter) -> {
            // A channel without a row at the last look had sent nothing yet.
            long before = Objects.requireNonNullElse(seen.put(channel, counter.counter()), 0L);
            // Only the last sender is known; when it is this instance and exactly one signal came, it was ours.
            boolean onlyOurs = instanceId.equals(counter.sentBy()) && counter.counter() == before + 1;
            if (counter.counter() != before && !onlyOurs) subscribers.deliver(channel);
        });
    }

    private Map<String, Counter> readCounters() {
        Map<String, Counter> counters = new HashMap<>();
        jdbc.sql("select channel, counter, sent_by from cluster_signal")
                .query(rs -> {
                    counters.put(rs.getString(1), new Counter(rs.getLong(2), rs.getString(3)));
                });
        return counters;
    }
}
