package cn.linli.portal.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts what residents do that must be limited (failed tracking attempts, filed reports), in the database so that
 * every instance behind the load balancer counts the same. A row per event; the follow-up job deletes old ones.
 */
@Component
public class Attempts {

    public static final String TRACK_NUMBER = "track-number";
    public static final String TRACK_ADDRESS = "track-address";
    public static final String REPORT_ADDRESS = "report-address";
    public static final String REPORT_PHONE = "report-phone";
    private static final int SUBJECT_MAX = 100;

    private final JdbcClient jdbc;

    Attempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String kind, String subject, Instant at) {
        jdbc.sql("insert into portal_attempt (kind, subject, at) values (:kind, :subject, :at)")
                .param("kind", kind).param("subject", cut(subject)).param("at", PortalStore.utc(at)).update();
    }

    public int since(String kind, String subject, Instant since) {
        return jdbc.sql("select count(*) from portal_attempt where kind = :kind and subject = :subject and at >= :since")
                .param("kind", kind).param("subject", cut(subject)).param("since", PortalStore.utc(since))
                .query(Integer.class).single();
    }

    /**
     * When the subject is locked until, if it is: {@code max} events within {@code window} lock it for {@code lock}
     * from the last of them.
     */
    public Optional<Instant> lockedUntil(String kind, String subject, int max, Duration window, Duration lock, Instant now) {
        List<Instant> times = jdbc.sql("select at from portal_attempt where kind = :kind and subject = :subject and at >= :since"
                        + " order by at desc")
                .param("kind", kind).param("subject", cut(subject)).param("since", PortalStore.utc(now.minus(window).minus(lock)))
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).list();
        for (int i = 0; i + max - 1 < times.size(); i++) {
            Instant last = times.get(i);
            Instant first = times.get(i + max - 1);
            if (!first.isBefore(last.minus(window)) && now.isBefore(last.plus(lock))) return Optional.of(last.plus(lock));
        }
        return Optional.empty();
    }

    public int deleteBefore(Instant before) {
        return jdbc.sql("delete from portal_attempt where at < :before").param("before", PortalStore.utc(before)).update();
    }

    private static String cut(String subject) {
        String s = subject == null ? "" : subject;
        return s.length() <= SUBJECT_MAX ? s : s.substring(0, SUBJECT_MAX);
    }
}
