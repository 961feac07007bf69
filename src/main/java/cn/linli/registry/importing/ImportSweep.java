package cn.linli.registry.importing;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.linli.access.AuditLog;
import cn.linli.registry.internal.RegistryJobs;

/**
 * Keeps the imports of this instance alive and declares those of dead instances interrupted. Every instance renews
 * the heartbeat of the jobs it has queued or running ({@code linli.registry.import.heartbeat}); the sweep, run once
 * across the cluster, turns a job whose heartbeat is older than {@code stale-after} into "interrupted, start again".
 * Nothing of such an import remains: it wrote in one transaction, which the database rolled back when the dead
 * instance's connection went (BulkInsert's COPY takes the transaction's own connection).
 */
@Component
public class ImportSweep {

    static final String JOB = "import-sweep";
    private static final Logger LOG = LoggerFactory.getLogger(ImportSweep.class);

    private final ImportRunner runner;
    private final ImportTable table;
    private final RegistryJobs jobs;
    private final AuditLog audit;
    private final Duration staleAfter;

    ImportSweep(ImportRunner runner, ImportTable table, RegistryJobs jobs, AuditLog audit,
            @Value("${linli.registry.import.stale-after:PT2M}") Duration staleAfter) {
        this.runner = runner;
        this.table = table;
        this.jobs = jobs;
        this.audit = audit;
        this.staleAfter = staleAfter;
    }

    @Scheduled(fixedDelayString = "${linli.registry.import.heartbeat:PT10S}")
    void heartbeat() {
        table.heartbeat(runner.running());
    }

    @Scheduled(fixedDelayString = "${linli.registry.import.sweep-interval:PT1M}", initialDelayString = "${linli.registry.import.sweep-interval:PT1M}")
    void onSchedule() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("sweep of interrupted imports failed, will retry: {}", e.toString());
        }
    }

    /** Declares the jobs of dead instances interrupted; how many (0 also when another instance is sweeping). */
    public int sweep() {
        Instant before = Instant.now().minus(staleAfter);
        return jobs.runExclusively(JOB, AuditLog.SYSTEM, () -> {
            int interrupted = table.interruptStale(before);
            if (interrupted > 0) {
                audit.record("REGISTRY_IMPORTS_INTERRUPTED", "registry_import", "jobs=" + interrupted + "; no heartbeat since " + before);
            }
            return interrupted;
        }, n -> "interrupted=" + n).orElse(0);
    }
}
