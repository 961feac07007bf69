package cn.linli.casework.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.linli.casework.CaseAction;
import cn.linli.casework.CaseChanged;
import cn.linli.casework.CaseState;
import cn.linli.cluster.ClusterSignals;

/**
 * Carries case changes committed on other instances to the users connected here ({@link CaseStream} hears only this
 * instance's own). After a change commits, this instance signals {@value #SIGNAL}; the others then read the history
 * lines they have not seen ({@code casework_case_history.id} grows) and pass them to their stream. The signal has no
 * payload: the database stays the one record of what changed, and a missed signal is made good by the next one.
 * <p>
 * Signals are coalesced: a change asks for a signal {@link #SIGNAL_DELAY_MILLIS} later, and changes until then add
 * none, so intake under load sends at most ten signals a second instead of one per case (each signal wakes every
 * instance's listener and costs a statement; at 350 intakes a second they were a tenth of the machine's work). A line whose transaction commits after a later id was read is kept as a
 * gap and looked for again for {@link #GAP_PATIENCE_MILLIS}; lines of this instance are recognised and not sent twice.
 */
@Component
class CaseStreamRelay {

    static final String SIGNAL = "casework-stream";
    private static final Logger log = LoggerFactory.getLogger(CaseStreamRelay.class);
    /** Longer than any intake transaction takes between drawing its history id and committing. */
    static final long GAP_PATIENCE_MILLIS = 30_000;
    private static final int MAX_GAPS = 10_000;
    /** How long a change waits for others to share its signal: what live updates on other instances lag behind. */
    static final long SIGNAL_DELAY_MILLIS = 100;
    private static final int BATCH = 1_000;
    /** Changes of this instance remembered, so they are not forwarded again when read back from the history. */
    private static final int REMEMBERED = 20_000;

    private final CaseStream stream;
    private final ClusterSignals signals;
    private final JdbcClient jdbc;
    private final ScheduledExecutorService signalling = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "case-stream-signal");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean signalPending = new AtomicBoolean();
    private final Map<String, Boolean> ownChanges = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final Map<Long, Long> gaps = new LinkedHashMap<>();
    private long cursor;

    CaseStreamRelay(CaseStream stream, ClusterSignals signals, JdbcClient jdbc) {
        this.stream = stream;
        this.signals = signals;
        this.jdbc = jdbc;
        this.cursor = lastId();
        signals.subscribe(SIGNAL, this::catchUp);
    }

    @EventListener
    void on(CaseChanged changed) {
        synchronized (ownChanges) {
            ownChanges.put(key(changed.caseId(), changed.action(), changed.at()), Boolean.TRUE);
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            requestSignal();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                requestSignal();
            }
        });
    }

    /**
     * Sends the signal shortly, on a thread of its own, in a transaction of its own: the change it announces is
     * committed. A change made while a signal waits shares it, as the others read every line since their last look.
     */
    private void requestSignal() {
        if (!signalPending.compareAndSet(false, true)) return;
        try {
            signalling.schedule(() -> {
                signalPending.set(false);
                try {
                    signals.signal(SIGNAL);
                } catch (RuntimeException e) {
                    log.warn("case stream signal not sent; other instances catch up with the next: {}", e.toString());
                }
            }, SIGNAL_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            signalPending.set(false);
        }
    }

    /** Reads the history lines committed elsewhere since the last look and hands them to the stream. */
    synchronized void catchUp() {
        if (stream.connections() == 0) {
            // Nobody listens here: nothing to forward, only the place to start from when someone connects.
            cursor = Math.max(cursor, lastId());
            gaps.clear();
            return;
        }
        List<Line> lines;
        do {
            lines = linesAfter(cursor);
            for (Line line : lines) {
                gaps.remove(line.id());
                if (line.id() > cursor) {
                    noteGaps(cursor, line.id());
                    cursor = line.id();
                }
                if (!isOwn(line)) stream.forwardFromElsewhere(line.changed());
            }
        } while (lines.size() == BATCH);
        forgetOldGaps();
    }

    private List<Line> linesAfter(long after) {
        List<Long> waiting = new ArrayList<>(gaps.keySet());
        String orGap = waiting.isEmpty() ? "" : " or h.id in (:gaps)";
        var query = jdbc.sql("""
                select h.id, h.case_id, c.number, h.action, h.from_state, h.to_state, h.unit_id, h.actor, h.at
                from casework_case_history h join casework_case c on c.id = h.case_id
                where h.id > :after""" + orGap + " order by h.id fetch first " + BATCH + " rows only")
                .param("after", after);
        if (!waiting.isEmpty()) query = query.param("gaps", waiting);
        return query.query((rs, n) -> new Line(rs.getLong("id"), new CaseChanged(rs.getLong("case_id"), rs.getString("number"),
                CaseAction.valueOf(rs.getString("action")), state(rs.getString("from_state")), state(rs.getString("to_state")),
                (Long) rs.getObject("unit_id", Long.class), rs.getString("actor"), Cases.instant(rs, "at")))).list();
    }

    /** Ids skipped between two lines read may belong to transactions still running: look for them again. */
    private void noteGaps(long from, long to) {
        long now = System.currentTimeMillis();
        for (long id = from + 1; id < to && gaps.size() < MAX_GAPS; id++) gaps.putIfAbsent(id, now);
    }

    private void forgetOldGaps() {
        long oldest = System.currentTimeMillis() - GAP_PATIENCE_MILLIS;
        gaps.values().removeIf(noted -> noted < oldest);
    }

    private boolean isOwn(Line line) {
        synchronized (ownChanges) {
            return ownChanges.containsKey(key(line.changed().caseId(), line.changed().action(), line.changed().at()));
        }
    }

    private long lastId() {
        return jdbc.sql("select coalesce(max(id), 0) from casework_case_history").query(Long.class).single();
    }

    /** Database and JVM keep instants to different precision; milliseconds are enough to tell changes apart. */
    private static String key(long caseId, CaseAction action, Instant at) {
        return caseId + "/" + action + "/" + at.toEpochMilli();
    }

    private static CaseState state(String name) {
        return name == null ? null : CaseState.valueOf(name);
    }

    @jakarta.annotation.PreDestroy
    void close() {
        signalling.shutdownNow();
    }

    private record Line(long id, CaseChanged changed) {
    }
}
