package cn.linli.access.internal;

import org.springframework.security.authentication.LockedException;

/**
 * A login refused because the username or the client address failed too often. A {@link LockedException}, so that
 * Spring Security stops at once and never asks another authentication provider.
 */
public class LoginThrottledException extends LockedException {

    private final long minutes;

    LoginThrottledException(long minutes) {
        super("Too many failed logins; try again in " + minutes + " minutes");
        this.minutes = minutes;
    }

    /** Whole minutes until the next attempt is allowed (at least 1). */
    public long minutes() {
        return minutes;
    }
}
