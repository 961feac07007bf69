package cn.linli.access.internal;

import java.time.Instant;

/**
 * The failed logins of one username or one client address: how many in the current window, how often the key has
 * been locked, and until when it is locked now.
 */
record FailureCount(int failures, Instant windowStartedAt, int lockouts, Instant lockedUntil) {

    static final FailureCount NONE = new FailureCount(0, null, 0, null);

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The count after one more failure at {@code now}; locks the key when the failure reaches {@code limit}. */
    FailureCount afterFailure(Instant now, int limit, LoginProtection protection) {
        boolean forgiven = lockedUntil != null && lockedUntil.plus(protection.maxLock()).isBefore(now);
        int previousLocks = forgiven ? 0 : lockouts;
        boolean windowOpen = windowStartedAt != null && !windowStartedAt.plus(protection.window()).isBefore(now);
        int failuresNow = windowOpen ? failures + 1 : 1;
        if (failuresNow >= limit) {
            int locks = previousLocks + 1;
            return new FailureCount(0, now, locks, now.plus(protection.lockNumber(locks)));
        }
        return new FailureCount(failuresNow, windowOpen ? windowStartedAt : now, previousLocks, lockedUntil);
    }
}
