package cn.linli.access.internal.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code linli.access.audit}: how long audit records are kept. GB/T 22239-2019 (等保 2.0, level 3) and the
 * Cybersecurity Law art. 21 ask for at least six months, so anything below 180 days is refused at start.
 * {@code purge} turns the daily deletion of older records on (off by default: records are then kept for ever).
 */
@ConfigurationProperties("linli.access.audit")
public record AuditSettings(@DefaultValue("180d") Duration retention, @DefaultValue("false") boolean purge) {

    public static final Duration MINIMUM_RETENTION = Duration.ofDays(180);

    public AuditSettings {
        if (retention == null || retention.compareTo(MINIMUM_RETENTION) < 0) {
            throw new IllegalArgumentException("linli.access.audit.retention is " + retention
                    + ": audit records must be kept at least 180 days (等保 level 3: six months)");
        }
    }
}
