package cn.linli.portal.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.portal.PortalSettings;

/**
 * The follow-up question ("is it still fixed?", FixMyStreet's lesson) to the reporter of each portal case some days
 * after it closed ({@code linli.portal.follow-up-after}), once per case. The job runs on every instance but once across
 * the cluster: a run holds the row lock of its job ({@code for update skip locked}), so a second instance skips it;
 * and each case's question is marked sent by a conditional update, so even two runs would not ask twice. The same
 * run deletes counted attempts older than a day, which no limit looks at any more.
 */
@Component
public class FollowUps {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final PortalStore store;
    private final Attempts attempts;
    private final CaseNotifications notifications;
    private final PortalSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final boolean enabled;

    FollowUps(JdbcClient jdbc, PortalStore store, Attempts attempts, CaseNotifications notifications, PortalSettings settings,
            PlatformTransactionManager transactions, Clock clock, @Value("${linli.portal.follow-up-enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.store = store;
        this.attempts = attempts;
        this.notifications = notifications;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${linli.portal.follow-up-interval:PT10M}", initialDelayString = "${linli.portal.follow-up-interval:PT10M}")
    void scheduled() {
        if (enabled) sendDue(clock.instant());
    }

    /** Asks the reporters of cases closed for the configured period; the number asked, 0 when another instance runs it. */
    public int sendDue(Instant now) {
        Integer sent = transaction.execute(status -> {
            boolean locked = !jdbc.sql("select name from portal_job where name = 'follow-up' for update skip locked")
                    .query(String.class).list().isEmpty();
            if (!locked) return 0;
            int asked = 0;
            for (long caseId : store.followUpsDue(now.minus(settings.followUpAfter()), BATCH)) {
                if (store.markFollowUpSent(caseId, now)) {
                    notifications.send(caseId, notifications.text("portal.follow-up.question"), true);
                    asked++;
                }
            }
            attempts.deleteBefore(now.minus(Duration.ofDays(1)));
            jdbc.sql("update portal_job set last_run_at = :at where name = 'follow-up'")
                    .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
            return asked;
        });
        return sent == null ? 0 : sent;
    }
}
