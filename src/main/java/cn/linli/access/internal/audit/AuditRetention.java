package cn.linli.access.internal.audit;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.linli.access.AuditActions;
import cn.linli.access.AuditLog;

/**
 * Deletes audit records past their retention once a day, when {@code linli.access.audit.purge} is on. Safe with
 * several instances: the purge holds the chain head's lock, and the second instance finds nothing left to delete.
 */
@Component
class AuditRetention {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);

    private final AuditChain chain;
    private final AuditSettings settings;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    AuditRetention(AuditChain chain, AuditSettings settings, AuditLog audit) {
        this.chain = chain;
        this.settings = settings;
        this.audit = audit;
    }

    @Scheduled(cron = "${linli.access.audit.purge-cron:0 20 3 * * *}", zone = "Asia/Shanghai")
    void purgeDaily() {
        if (settings.purge()) {
            purge();
        }
    }

    long purge() {
        Instant cutOff = clock.instant().minus(settings.retention());
        long deleted = chain.purgeOlderThan(cutOff);
        if (deleted > 0) {
            LOG.info("audit retention: {} records older than {} deleted; the chain goes on from their anchor", deleted, cutOff);
            audit.record(AuditActions.AUDIT_PURGED, "access_audit", "records=" + deleted + " before=" + cutOff);
        }
        return deleted;
    }
}
