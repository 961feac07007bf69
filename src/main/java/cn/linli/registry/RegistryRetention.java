package cn.linli.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import cn.linli.access.AuditLog;
import cn.linli.access.CurrentActor;
import cn.linli.access.Role;
import cn.linli.registry.internal.RegistryJobs;
import cn.linli.registry.internal.RetentionStore;

/**
 * The retention job: every night (and when a city administrator asks) residents past the period for their kind
 * are anonymised and cut off from the households they lived in, and old visit findings erased
 * ({@link RetentionSettings}; what stays: docs/decisions/0011-what-anonymisation-keeps.md). It runs once across the cluster
 * ({@link RegistryJobs}), all in one transaction, and each run writes one audit record with its counts. A night's
 * run missed because its instance died or none was up is made up by the next instance that looks ({@link #catchUp}).
 */
@Service
public class RegistryRetention {

    static final String JOB = "retention";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryRetention.class);

    private final RetentionSettings settings;
    private final RetentionStore store;
    private final RegistryJobs jobs;
    private final AuditLog audit;
    private final CurrentActor actors;

    RegistryRetention(RetentionSettings settings, RetentionStore store, RegistryJobs jobs, AuditLog audit, CurrentActor actors) {
        this.settings = settings;
        this.store = store;
        this.jobs = jobs;
        this.audit = audit;
        this.actors = actors;
    }

    @Scheduled(cron = "${linli.registry.retention.cron:0 30 2 * * *}", zone = "Asia/Shanghai")
    void onSchedule() {
        runIfDue(Instant.now());
    }

    /**
     * The night's run is taken up later if the instance that had it died (its transaction rolled back) or no instance
     * was up at the hour: every instance looks this often whether it is still due.
     */
    @Scheduled(fixedDelayString = "${linli.registry.retention.catch-up:PT10M}", initialDelayString = "${linli.registry.retention.catch-up:PT10M}")
    void catchUp() {
        runIfDue(Instant.now());
    }

    /** Runs the job if no run has started since its last scheduled time; empty when not due or running elsewhere. */
    Optional<RetentionRun> runIfDue(Instant now) {
        if (!settings.enabled()) return Optional.empty();
        Optional<RetentionRun> run = jobs.runExclusivelyIfDue(JOB, AuditLog.SYSTEM, lastScheduled(settings.cron(), now),
                this::anonymise, RetentionRun::describe);
        run.ifPresent(r -> LOG.info("registry retention: {}", r.describe()));
        return run;
    }

    /** The last time at or before {@code now} that the cron expression names, in the city's time zone. */
    static Instant lastScheduled(String cron, Instant now) {
        CronExpression expression = CronExpression.parse(cron);
        ZonedDateTime end = now.atZone(Check.CITY_ZONE);
        // a week and a day back covers daily and weekly schedules; a finer one reaches its last time sooner
        ZonedDateTime last = end.minusDays(8);
        for (ZonedDateTime next = expression.next(last); next != null && !next.isAfter(end); next = expression.next(next)) {
            last = next;
        }
        return last.toInstant();
    }

    /** Runs the job now, for a city administrator. */
    public RetentionRun runNow() {
        requireAdministrator();
        return run(actors.current().username());
    }

    public RetentionSettings settings() {
        requireAdministrator();
        return settings;
    }

    public Optional<RegistryJobs.LastRun> lastRun() {
        requireAdministrator();
        return jobs.lastRun(JOB);
    }

    private RetentionRun run(String actor) {
        return jobs.runExclusively(JOB, actor, this::anonymise, RetentionRun::describe).orElseGet(RetentionRun::skippedRun);
    }

    private RetentionRun anonymise() {
        LocalDate today = LocalDate.now(Check.CITY_ZONE);
        LocalDate movedOut = today.minus(settings.movedOutOfCity());
        LocalDate deceased = today.minus(settings.deceased());
        LocalDate visited = today.minus(settings.visits());
        int movedAway = store.anonymise(ResidentStatus.MOVED_AWAY, movedOut, today);
        int died = store.anonymise(ResidentStatus.DECEASED, deceased, today);
        RetentionStore.Unlinked unlinked = store.unlinkAnonymised();
        int visits = unlinked.visits() + store.eraseVisitFindings(visited);
        var run = new RetentionRun(false, movedAway, died, unlinked.households(), visits, movedOut, deceased, visited);
        audit.record("REGISTRY_RETENTION_RUN", "registry retention", run.describe());
        return run;
    }

    private void requireAdministrator() {
        if (!actors.current().hasRole(Role.CITY_ADMIN)) {
            throw new AccessDeniedException("the retention job is for city administrators");
        }
    }
}
