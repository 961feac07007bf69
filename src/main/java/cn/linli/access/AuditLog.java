package cn.linli.access;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import cn.linli.access.internal.audit.AuditChain;
import cn.linli.access.internal.audit.ChainCheck;

/**
 * The audit trail: who did what, when (PIPL and 等保 both ask for one). A record written inside a transaction is
 * rolled back with it, so the log never claims a change that did not happen. Records are linked into a hash chain
 * (each carries the hash of the one before), so a changed, removed or inserted record is found by {@link #verifyChain}.
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
    private static final String SELECT = "select id, occurred_at, actor, action, subject, detail from access_audit";

    private final JdbcClient jdbc;
    private final CurrentActor currentActor;
    private final AuditChain chain;

    AuditLog(JdbcClient jdbc, CurrentActor currentActor, AuditChain chain) {
        this.jdbc = jdbc;
        this.currentActor = currentActor;
        this.chain = chain;
    }

    /** Records an action of the logged-in user, or of {@value #SYSTEM} when nobody is logged in. */
    public void record(String action, String subject, String detail) {
        recordAs(currentActor.find().map(Actor::username).orElse(SYSTEM), action, subject, detail);
    }

    /** Records an action of a named actor, for moments when the security context does not yet say who it is. */
    public void recordAs(String actor, String action, String subject, String detail) {
        chain.append(() -> {
            var key = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into access_audit (occurred_at, actor, action, subject, detail)
                    values (:at, :actor, :action, :subject, :detail)""")
                    .param("at", OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC))
                    .param("actor", cut(actor == null ? SYSTEM : actor, ACTOR_MAX))
                    .param("action", cut(action, ACTION_MAX))
                    .param("subject", cut(subject, SUBJECT_MAX))
                    .param("detail", cut(detail, DETAIL_MAX))
                    .update(key, "id");
            return key.getKeyAs(Number.class).longValue();
        });
    }

    /**
     * Walks the hash chain of the whole log and reports the first record that was changed, removed or slipped in;
     * the check itself is recorded.
     */
    public ChainCheck verifyChain() {
        ChainCheck check = chain.check();
        record(AuditActions.AUDIT_CHAIN_CHECKED, "access_audit", check.describe());
        return check;
    }

    /** The latest entries, newest first. */
    public List<AuditEntry> latest(int limit) {
        return jdbc.sql(SELECT + " order by id desc limit :limit").param("limit", limit).query(AuditLog::entry).list();
    }

    /** One page of the entries that match, newest first. */
    public AuditPage search(AuditQuery query, int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("pages count from 0 and hold at least one entry");
        }
        AuditFilter filter = AuditFilter.of(query);
        long total = jdbc.sql("select count(*) from access_audit" + filter.where).params(filter.parameters)
                .query(Long.class).single();
        List<AuditEntry> entries = jdbc.sql(SELECT + filter.where + " order by id desc limit :limit offset :offset")
                .params(filter.parameters).param("limit", size).param("offset", (long) page * size)
                .query(AuditLog::entry).list();
        return new AuditPage(entries, total, page, size);
    }

    /** At most {@code limit} matching entries, newest first, for an export; the export is recorded in the log. */
    public List<AuditEntry> export(AuditQuery query, int limit) {
        AuditFilter filter = AuditFilter.of(query);
        List<AuditEntry> entries = jdbc.sql(SELECT + filter.where + " order by id desc limit :limit")
                .params(filter.parameters).param("limit", limit).query(AuditLog::entry).list();
        record(AuditActions.AUDIT_EXPORTED, "access_audit", query.describe() + "; rows=" + entries.size());
        return entries;
    }

    /** The actions that occur in the log, for a filter's choice list. */
    public List<String> actions() {
        return jdbc.sql("select distinct action from access_audit order by action").query(String.class).list();
    }

    private static AuditEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("subject"), rs.getString("detail"));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
