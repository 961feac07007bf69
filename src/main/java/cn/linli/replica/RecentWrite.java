package cn.linli.replica;

/**
 * Whether the request this thread serves must read from the primary: it writes itself, or its client wrote a moment
 * ago (read-your-own-writes). Set by {@link RecentWriteFilter} around each request; threads outside a request
 * (scheduled jobs) are not marked, so their read-only transactions may use the replica.
 */
final class RecentWrite {

    private static final ThreadLocal<Boolean> PRIMARY_ONLY = new ThreadLocal<>();

    private RecentWrite() {
    }

    static boolean primaryOnly() {
        return Boolean.TRUE.equals(PRIMARY_ONLY.get());
    }

    static void mark(boolean primaryOnly) {
        PRIMARY_ONLY.set(primaryOnly);
    }

    static void clear() {
        PRIMARY_ONLY.remove();
    }
}
