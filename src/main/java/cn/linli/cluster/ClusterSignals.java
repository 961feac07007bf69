package cn.linli.cluster;

/**
 * Signals between the Linli instances that share one database. A module signals a channel in the transaction that
 * changes its shared data; every other instance runs the channel's subscribers after that transaction commits, and
 * nobody hears a signal whose transaction rolled back. The sending instance does not hear its own signal: it has
 * already refreshed itself. After a lost connection every subscriber runs once, since signals may have been missed.
 */
public interface ClusterSignals {

    /** Channel names: lower-case letters, digits and '-', at most 40 characters. */
    String CHANNEL_PATTERN = "[a-z0-9-]{1,40}";

    /** Signals {@code channel} to the other instances when the current transaction commits (at once without one). */
    void signal(String channel);

    /** Runs {@code onSignal} on this instance whenever another instance signals {@code channel}. */
    void subscribe(String channel, Runnable onSignal);

    /** This instance's id in the signals it sends. */
    String instanceId();

    static String requireChannel(String channel) {
        if (channel == null || !channel.matches(CHANNEL_PATTERN)) {
            throw new IllegalArgumentException("channel must match " + CHANNEL_PATTERN + ": " + channel);
        }
        return channel;
    }
}
