package cn.linli.casework.feed;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code linli.case.events.waiting}: outbox rows the broker has not confirmed yet. Near zero in normal running; a
 * count that keeps growing means the broker is unreachable or refuses the events (the log says which).
 */
@Component
@ConditionalOnBooleanProperty("linli.events.amqp.enabled")
class FeedMetrics implements MeterBinder {

    private final FeedStore store;

    FeedMetrics(FeedStore store) {
        this.store = store;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("linli.case.events.waiting", store, FeedStore::waiting)
                .description("Case event rows waiting for the broker's confirm (transitions, not single events)")
                .register(registry);
    }
}
