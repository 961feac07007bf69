package cn.linli.access;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit trail: who did what, when (PIPL and 等保 both ask for one). A record written inside a transaction is
 * rolled back with it, so the log never claims a change that did not happen.
 */
@Component
public class AuditLog {

    /** The actor of work that no logged-in user started: start-up, schedules, login protection. */
    public static final String SYSTEM = "system";
    /** The actor of a request before anyone has logged in, e.g. a failed login. */
    public static final String ANONYMOUS = "anonymous";

    private static final int ACTOR_MAX = 64;
    private static final int ACTION_MAX = 64;
    private static final int SUBJECT_MAX = 200;
    private static final int DETAIL_MAX = 1000;

    private final JdbcClient jdbc;
    private final CurrentActor currentActor;

    AuditLog(JdbcClient jdbc, CurrentActor currentActor) {
        this.jdbc = jdbc;
        this.currentActor = currentActor;
    }

    /** Records an action of the logged-in user, or of {@value #SYSTEM} when nobody is logged in. */
    public void record(String action, String subject, String detail) {
        recordAs(currentActor.find().map(Actor::username).orElse(SYSTEM), action, subject, detail);
    }

    /** Records an action of a named actor, for moments when the security context does not yet say who it is. */
    public void recordAs(String actor, String action, String subject, String detail) {
        jdbc.sql("""
                insert into access_audit (occurred_at, actor, action, subject, detail)
                values (:at, :actor, :action, :subject, :detail)""")
                .param("at", OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .param("actor", cut(actor == null ? SYSTEM : actor, ACTOR_MAX))
                .param("action", cut(action, ACTION_MAX))
                .param("subject", cut(subject, SUBJECT_MAX))
                .param("detail", cut(detail, DETAIL_MAX))
                .update();
    }

    /** The latest entries, newest first. */
    public List<AuditEntry> latest(int limit) {
        return jdbc.sql("select id, occurred_at, actor, action, subject, detail from access_audit order by id desc limit :limit")
                .param("limit", limit)
                .query((rs, row) -> new AuditEntry(rs.getLong("id"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("subject"), rs.getString("detail")))
                .list();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
