package cn.linli.access.internal;

import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Counts failed logins per username and per client address in {@code access_login_throttle} and says whether a
 * login may be tried now. Kept in the database, not in memory, so a restart does not reset a lock and several
 * application instances share it.
 */
@Component
class LoginThrottle {

    /** Longer usernames cannot exist; cutting keeps an attacker's megabyte username out of the table. */
    private static final int KEY_VALUE_MAX = 150;

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final LoginProtection protection;

    LoginThrottle(JdbcClient jdbc, TransactionOperations transactions, LoginProtection protection) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.protection = protection;
    }

    /** How long the username or the address is still locked (the longer of the two), or empty if neither is. */
    Optional<Duration> remainingLock(String username, String address) {
        Instant now = Instant.now();
        return jdbc.sql("select locked_until from access_login_throttle where throttle_key in (:keys) and locked_until is not null")
                .param("keys", List.of(userKey(username), addressKey(address)))
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .list().stream()
                .filter(until -> until.isAfter(now))
                .max(Instant::compareTo)
                .map(until -> Duration.between(now, until));
    }

    /** Counts a failure for both keys; returns the lock it caused, if any. */
    Optional<Duration> recordFailure(String username, String address) {
        Instant now = Instant.now();
        FailureCount byUser = countFailure(userKey(username), protection.maxFailuresPerUsername(), now);
        FailureCount byAddress = countFailure(addressKey(address), protection.maxFailuresPerAddress(), now);
        return Stream.of(byUser, byAddress)
                .filter(count -> count.lockedAt(now))
                .map(count -> Duration.between(now, count.lockedUntil()))
                .max(Duration::compareTo);
    }

    /**
     * Forgets the username's failures and locks after a successful login. The address keeps its count, so one
     * valid account cannot be used to keep guessing the passwords of others from the same place.
     */
    void recordSuccess(String username) {
        jdbc.sql("delete from access_login_throttle where throttle_key = ?").param(userKey(username)).update();
    }

    /** Remembers when the username last logged in successfully (shown in the account list). */
    void recordLogin(String username) {
        jdbc.sql("update access_user set last_login_at = ? where username = ?")
                .params(OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC), UserAccounts.normalize(username)).update();
    }

    private FailureCount countFailure(String key, int limit, Instant now) {
        try {
            return transactions.execute(status -> countFailureLocked(key, limit, now));
        } catch (DuplicateKeyException firstFailureRacedWithAnother) {
            return transactions.execute(status -> countFailureLocked(key, limit, now));
        }
    }

    /** Reads the row for update, so concurrent failures of one key are all counted. */
    private FailureCount countFailureLocked(String key, int limit, Instant now) {
        Optional<FailureCount> stored = jdbc.sql("""
                select failures, window_started_at, lockouts, locked_until
                  from access_login_throttle where throttle_key = ? for update""")
                .param(key)
                .query((rs, row) -> new FailureCount(rs.getInt("failures"),
                        rs.getObject("window_started_at", OffsetDateTime.class).toInstant(), rs.getInt("lockouts"),
                        Optional.ofNullable(rs.getObject("locked_until", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant).orElse(null)))
                .optional();
        FailureCount next = stored.orElse(FailureCount.NONE).afterFailure(now, limit, protection);
        String sql = stored.isPresent()
                ? """
                  update access_login_throttle set failures = :failures, window_started_at = :windowStartedAt,
                         lockouts = :lockouts, locked_until = :lockedUntil where throttle_key = :key"""
                : """
                  insert into access_login_throttle (throttle_key, failures, window_started_at, lockouts, locked_until)
                  values (:key, :failures, :windowStartedAt, :lockouts, :lockedUntil)""";
        jdbc.sql(sql)
                .param("key", key)
                .param("failures", next.failures())
                .param("windowStartedAt", utc(next.windowStartedAt()))
                .param("lockouts", next.lockouts())
                .param("lockedUntil", utc(next.lockedUntil()), Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
        return next;
    }

    static String userKey(String username) {
        return "user:" + cut(UserAccounts.normalize(username));
    }

    static String addressKey(String address) {
        return "address:" + cut(address == null ? "unknown" : address);
    }

    private static String cut(String value) {
        return value.length() > KEY_VALUE_MAX ? value.substring(0, KEY_VALUE_MAX) : value;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
