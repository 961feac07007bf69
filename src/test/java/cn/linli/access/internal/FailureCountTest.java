package cn.linli.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class FailureCountTest {

    private static final LoginProtection PROTECTION = new LoginProtection(5, 20, Duration.ofMinutes(15),
            Duration.ofMinutes(15), Duration.ofHours(24));
    private static final Instant NOON = Instant.parse("2026-03-02T04:00:00Z");

    @Test
    void fifthFailureWithinTheWindowLocksForTheFirstLockPeriod() {
        FailureCount count = failures(FailureCount.NONE, 4, NOON, Duration.ofMinutes(2));
        assertThat(count.lockedAt(NOON.plusSeconds(480))).isFalse();

        Instant fifth = NOON.plus(Duration.ofMinutes(9));
        count = count.afterFailure(fifth, 5, PROTECTION);

        assertThat(count.lockedAt(fifth)).isTrue();
        assertThat(count.lockedUntil()).isEqualTo(fifth.plus(Duration.ofMinutes(15)));
    }

    @Test
    void failuresSpreadBeyondTheWindowDoNotLock() {
        FailureCount count = failures(FailureCount.NONE, 10, NOON, Duration.ofMinutes(4));
        assertThat(count.lockouts()).isZero();
        assertThat(count.lockedUntil()).isNull();
    }

    @Test
    void everyFurtherLockLastsTwiceAsLongUpToADay() {
        FailureCount count = FailureCount.NONE;
        Instant now = NOON;
        Duration[] expected = {Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
                Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(16), Duration.ofHours(24), Duration.ofHours(24)};
        for (Duration lock : expected) {
            count = failures(count, 5, now, Duration.ofSeconds(10));
            Instant lockedAt = now.plus(Duration.ofSeconds(40));
            assertThat(Duration.between(lockedAt, count.lockedUntil())).isEqualTo(lock);
            now = count.lockedUntil().plusSeconds(1);
        }
    }

    @Test
    void aDayWithoutLockStartsAgainAtTheFirstLockPeriod() {
        FailureCount count = failures(FailureCount.NONE, 5, NOON, Duration.ofSeconds(10));
        count = failures(count, 5, count.lockedUntil().plusSeconds(1), Duration.ofSeconds(10));
        assertThat(count.lockouts()).isEqualTo(2);

        Instant nextDay = count.lockedUntil().plus(Duration.ofHours(25));
        count = failures(count, 5, nextDay, Duration.ofSeconds(10));

        assertThat(count.lockouts()).isEqualTo(1);
        assertThat(count.lockedUntil()).isEqualTo(nextDay.plusSeconds(40).plus(Duration.ofMinutes(15)));
    }

    @Test
    void wholeMinutesAreRoundedUpAndNeverZero() {
        assertThat(ThrottledAuthenticationProvider.wholeMinutes(Duration.ofMinutes(15))).isEqualTo(15);
        assertThat(ThrottledAuthenticationProvider.wholeMinutes(Duration.ofSeconds(14 * 60 + 1))).isEqualTo(15);
        assertThat(ThrottledAuthenticationProvider.wholeMinutes(Duration.ofSeconds(3))).isEqualTo(1);
    }

    private static FailureCount failures(FailureCount start, int times, Instant from, Duration apart) {
        FailureCount count = start;
        for (int i = 0; i < times; i++) {
            count = count.afterFailure(from.plus(apart.multipliedBy(i)), 5, PROTECTION);
        }
        return count;
    }
}
