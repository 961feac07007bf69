package cn.linli.cluster.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The subscribers per channel; one failing subscriber is logged and never stops the others or the listener. */
final class Subscribers {

    private static final Logger log = LoggerFactory.getLogger(Subscribers.class);

    private final Map<String, List<Runnable>> byChannel = new ConcurrentHashMap<>();

    void add(String channel, Runnable onSignal) {
        byChannel.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(onSignal);
    }

    /** Runs every subscriber of the channel; false if one of them failed. */
    boolean deliver(String channel) {
        boolean all = true;
        for (Runnable subscriber : byChannel.getOrDefault(channel, List.of())) {
            try {
                subscriber.run();
            } catch (RuntimeException e) {
                log.error("A subscriber of cluster signal '{}' failed", channel, e);
                all = false;
            }
        }
        return all;
    }

    /** Runs every subscriber of every channel; false if one of them failed. */
    boolean deliverAll() {
        boolean all = true;
        for (String channel : byChannel.keySet()) {
            all &= deliver(channel);
        }
        return all;
    }
}
