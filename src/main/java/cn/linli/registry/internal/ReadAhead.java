package cn.linli.registry.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Work prepared ahead on a thread of its own: the producer reads, generates and encrypts the next batches while the
 * calling thread writes the one before (its transaction, and so its connection, stays on that thread). On a machine
 * of two cores the database's work and ours then overlap instead of taking turns. At most {@code ahead} batches wait,
 * so memory stays bounded whatever the size of the whole.
 */
public final class ReadAhead<T> implements AutoCloseable {

    private static final Object END = new Object();

    private final BlockingQueue<Object> ready;
    private final Thread producer;
    private volatile RuntimeException failure;
    private volatile boolean closed;

    /** @param producer hands each batch, in order, to the consumer it is given */
    public ReadAhead(String name, int ahead, Consumer<Consumer<T>> producer) {
        this.ready = new ArrayBlockingQueue<>(ahead);
        this.producer = new Thread(() -> produce(producer), name);
        this.producer.setDaemon(true);
        this.producer.start();
    }

    /** The next batch, or null when the producer is done; rethrows what went wrong in the producer. */
    @SuppressWarnings("unchecked")
    public T next() {
        try {
            while (true) {
                Object batch = ready.poll(100, TimeUnit.MILLISECONDS);
                if (batch == END) return null;
                if (batch != null) return (T) batch;
                if (failure != null) throw failure;
                if (!producer.isAlive() && ready.isEmpty()) throw new IllegalStateException("the producer " + producer.getName() + " stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + producer.getName(), e);
        }
    }

    /** Stops the producer if it is still at work (the consumer failed, or the application stops). */
    @Override
    public void close() {
        closed = true;
        producer.interrupt();
    }

    private void produce(Consumer<Consumer<T>> work) {
        try {
            work.accept(this::hand);
            hand(END);
        } catch (Stopped e) {
            // the consumer gave up: nobody waits for more
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void hand(Object batch) {
        try {
            while (!ready.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (closed) throw new Stopped();
            }
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    private static final class Stopped extends RuntimeException {

        Stopped() {
            super(null, null, false, false);
        }
    }
}
