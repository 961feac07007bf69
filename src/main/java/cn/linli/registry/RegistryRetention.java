package cn.linli.registry;

import java.time.LocalDate;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
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
 * ({@link RegistryJobs}), all in one transaction, and each run writes one audit record with its counts.
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
        if (!settings.enabled()) return;
        RetentionRun run = run(AuditLog.SYSTEM);
        LOG.info("registry retention: {}", run.skipped() ? "skipped, running elsewhere" : run.describe());
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
