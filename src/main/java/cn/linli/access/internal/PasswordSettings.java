package cn.linli.access.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code linli.access.password}: the configurable part of the password policy (GB/T 22239-2019 asks for complex
 * passwords changed regularly). Letters and digits are always required; {@code minLength} may only raise the
 * built-in 10, {@code mixedCase} and {@code symbol} add character classes, {@code history} is how many earlier
 * passwords (the current one included) may not be chosen again, and {@code expiry} how long a password lasts
 * before it must be changed at login ({@code 0} for never).
 */
@ConfigurationProperties("linli.access.password")
public record PasswordSettings(@DefaultValue("10") int minLength, @DefaultValue("false") boolean mixedCase,
        @DefaultValue("false") boolean symbol, @DefaultValue("5") int history, @DefaultValue("90d") Duration expiry) {

    public PasswordSettings {
        if (minLength < 10) {
            throw new IllegalArgumentException("linli.access.password.min-length is " + minLength
                    + ": it may raise the minimum of 10 characters, not lower it");
        }
        if (history < 1) {
            throw new IllegalArgumentException("linli.access.password.history is " + history
                    + ": at least the current password (1) is never chosen again");
        }
        if (expiry == null || expiry.isNegative()) {
            throw new IllegalArgumentException("linli.access.password.expiry must be 0 (never) or a positive duration");
        }
    }

    /** The built-in policy, for code without configuration (tests, loaders). */
    public static PasswordSettings defaults() {
        return new PasswordSettings(10, false, false, 5, Duration.ofDays(90));
    }

    /** Whether a password set at that moment has expired by now. */
    public boolean expired(Instant setAt, Instant now) {
        return !expiry.isZero() && setAt != null && setAt.plus(expiry).isBefore(now);
    }
}
