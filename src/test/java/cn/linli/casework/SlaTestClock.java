package cn.linli.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * For the SLA tests: a clock the test moves past deadlines (it replaces {@code caseClock}), and a record of the
 * breaches that were committed, from whichever thread raised them.
 */
@TestConfiguration(proxyBeanMethods = false)
class SlaTestClock {

    /** A clock that stands still where the test puts it. */
    static final class Movable extends Clock {
        private volatile Instant now = Instant.now();

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The breaches whose transaction committed. */
    static class Breaches {
        final List<SlaBreached> committed = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        void on(SlaBreached breached) {
            committed.add(breached);
        }

        List<SlaBreached> of(long caseId) {
            return committed.stream().filter(b -> b.caseId() == caseId).toList();
        }
    }

    @Bean
    @Primary
    Movable movableClock() {
        return new Movable();
    }

    @Bean
    Breaches breaches() {
        return new Breaches();
    }
}
