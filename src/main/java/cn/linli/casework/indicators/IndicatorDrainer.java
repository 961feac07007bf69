package cn.linli.casework.indicators;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Runs {@link IndicatorRollup#drain()} on one thread of its own: shortly after a transition commits (waiting
 * {@code linger} first, so a burst of commits is folded in one transaction), and every {@code poll} for rows that
 * another instance queued or left behind when it stopped. Wake-ups while a drain is pending merge into it.
 */
@Component
class IndicatorDrainer {

    private static final Logger log = LoggerFactory.getLogger(IndicatorDrainer.class);

    private final IndicatorRollup rollup;
    private final Duration linger;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "indicator-drainer");
        t.setDaemon(true);
        return t;
    });

    IndicatorDrainer(@Lazy IndicatorRollup rollup,
            @Value("${linli.casework.indicators.drain-linger:PT0.25S}") Duration linger,
            @Value("${linli.casework.indicators.drain-poll:PT5S}") Duration poll) {
        this.rollup = rollup;
        this.linger = linger;
        thread.scheduleWithFixedDelay(this::wake, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks for a drain soon; returns at once. */
    void wake() {
        if (!pending.compareAndSet(false, true)) return;
        try {
            thread.schedule(this::drain, linger.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            pending.set(false);
        }
    }

    private void drain() {
        pending.set(false);
        try {
            if (rollup.drain() < 0) wake();
        } catch (RuntimeException e) {
            // The queue rows stay; the next wake-up or poll folds them.
            log.warn("indicator rollup: drain failed, retried at the next poll: {}", e.toString());
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
