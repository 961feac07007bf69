package cn.linli.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Batches prepared on another thread arrive complete and in order; a failure there reaches the consumer. */
class ReadAheadTest {

    @Test
    void everyBatchArrivesInOrderThenTheEnd() {
        List<Integer> received = new ArrayList<>();
        try (var batches = new ReadAhead<Integer>("test", 2, next -> {
            for (int i = 0; i < 100; i++) next.accept(i);
        })) {
            for (Integer batch = batches.next(); batch != null; batch = batches.next()) received.add(batch);
        }
        assertThat(received).hasSize(100).isSorted().startsWith(0).endsWith(99);
    }

    @Test
    void aFailureOfTheProducerIsThrownToTheConsumerAfterTheBatchesBeforeIt() {
        try (var batches = new ReadAhead<String>("test", 2, next -> {
            next.accept("first");
            throw new IllegalStateException("row 7 unreadable");
        })) {
            assertThat(batches.next()).isEqualTo("first");
            assertThatThrownBy(batches::next).isInstanceOf(IllegalStateException.class).hasMessage("row 7 unreadable");
        }
    }

    @Test
    void closingStopsAProducerThatWaitsWithMore() throws InterruptedException {
        AtomicInteger produced = new AtomicInteger();
        Thread[] producer = new Thread[1];
        try (var batches = new ReadAhead<Integer>("test", 1, next -> {
            producer[0] = Thread.currentThread();
            for (int i = 0; i < 1_000_000; i++) {
                next.accept(i);
                produced.incrementAndGet();
            }
        })) {
            assertThat(batches.next()).isZero();
        }
        for (int i = 0; i < 50 && (producer[0] == null || producer[0].isAlive()); i++) Thread.sleep(100);
        assertThat(producer[0].isAlive()).isFalse();
        assertThat(produced.get()).isLessThan(10);
    }
}
