package cn.linli.registry.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry's scheduled jobs, run once across a cluster: a run holds its job's row lock ({@code for update skip
 * locked}) for its whole transaction, so a second instance starting the same job at the same moment skips it instead
 * of waiting or doing the work twice. The row keeps what the last run did, for the administrator's page.
 */
@Component
public class RegistryJobs {

    public record LastRun(Instant startedAt, Instant finishedAt, String actor, String result) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    RegistryJobs(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Runs {@code work} in one transaction holding the job's lock and records the run with {@code describe}'s
     * summary; empty at once when another instance is running the job.
     */
    public <T> Optional<T> runExclusively(String job, String actor, Supplier<T> work, Function<T, String> describe) {
        return runExclusivelyIfDue(job, actor, null, work, describe);
    }

    /**
     * As {@link #runExclusively}, but only if no run has started since {@code dueSince} (null: always). Checked under
     * the lock, so of instances that look at once, or one after another, one runs; and a run that died with its
     * instance was rolled back, left no mark, and is still due for the next look anywhere.
     */
    public <T> Optional<T> runExclusivelyIfDue(String job, String actor, Instant dueSince, Supplier<T> work,
            Function<T, String> describe) {
        return Optional.ofNullable(transaction.execute(status -> {
            boolean locked = !jdbc.sql("select name from registry_job where name = ? for update skip locked").param(job)
                    .query(String.class).list().isEmpty();
            if (!locked || (dueSince != null && ranSince(job, dueSince))) return null;
            OffsetDateTime started = now();
            T result = work.get();
            jdbc.sql("""
                    update registry_job set last_started_at = ?, last_finished_at = ?, last_actor = ?, last_result = ?
                    where name = ?""").params(started, now(), actor, cut(describe.apply(result)), job).update();
            return result;
        }));
    }

    private boolean ranSince(String job, Instant since) {
        return jdbc.sql("select last_started_at from registry_job where name = ?").param(job)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional()
                .map(started -> !started.toInstant().isBefore(since)).orElse(false);
    }

    public Optional<LastRun> lastRun(String job) {
        return jdbc.sql("select * from registry_job where name = ? and last_started_at is not null").param(job)
                .query((rs, n) -> new LastRun(rs.getObject("last_started_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("last_finished_at", OffsetDateTime.class).toInstant(), rs.getString("last_actor"),
                        rs.getString("last_result"))).optional();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
    }

    private static String cut(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
