package cn.linli.portal.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.linli.access.ProtectedValue;
import cn.linli.portal.NotificationChannel;

/**
 * The portal's own records: the reports filed through it (their idempotency key, closure, rating and follow-up) and
 * who is told about a case (its reporter and its followers, by encrypted phone and chosen channel).
 */
@Component
public class PortalStore {

    /** A report filed through the portal, as its rating and follow-up need it. */
    public record Report(long caseId, String caseNumber, Instant closedAt, String rating, Instant followUpSentAt,
            String followUpAnswer) {
    }

    /** Someone to tell about a case. */
    public record Subscriber(long caseId, String caseNumber, boolean reporter, ProtectedValue phone, NotificationChannel channel) {
    }

    private final JdbcClient jdbc;

    PortalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> numberOfFormKey(String formKey) {
        return jdbc.sql("select case_number from portal_report where form_key = :key").param("key", formKey)
                .query(String.class).optional();
    }

    /** Records the report unless a concurrent retry recorded it first; true when this call recorded it. */
    public boolean addReport(long caseId, String number, String formKey, Instant at) {
        try {
            return jdbc.sql("insert into portal_report (case_id, case_number, form_key, filed_at) select :id, :number, :key, :at"
                            + " where not exists (select 1 from portal_report where case_id = :id)")
                    .param("id", caseId).param("number", number).param("key", formKey).param("at", utc(at)).update() == 1;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    public Optional<Report> report(long caseId) {
        return jdbc.sql("select case_id, case_number, closed_at, rating, follow_up_sent_at, follow_up_answer from portal_report"
                        + " where case_id = :id").param("id", caseId)
                .query((rs, n) -> new Report(rs.getLong(1), rs.getString(2), instant(rs.getObject(3, OffsetDateTime.class)),
                        rs.getString(4), instant(rs.getObject(5, OffsetDateTime.class)), rs.getString(6)))
                .optional();
    }

    /** Subscribes a phone to a case; a phone already subscribed keeps its first subscription. */
    public void subscribe(long caseId, String number, boolean reporter, ProtectedValue phone, NotificationChannel channel, Instant at) {
        try {
            jdbc.sql("insert into portal_subscription (case_id, case_number, reporter, phone, phone_index, channel, created_at)"
                            + " select :id, :number, :reporter, :phone, :index, :channel, :at where not exists"
                            + " (select 1 from portal_subscription where case_id = :id and phone_index = :index)")
                    .param("id", caseId).param("number", number).param("reporter", reporter).param("phone", phone.storedText())
                    .param("index", phone.blindIndex()).param("channel", channel.name()).param("at", utc(at)).update();
        } catch (DuplicateKeyException raced) {
            // the same phone subscribed by a concurrent retry: one subscription is what was asked for
        }
    }

    public List<Subscriber> subscribers(long caseId) {
        return subscribers(List.of(caseId));
    }

    /** The subscribers of all these cases (at most a few hundred ids), in one query. */
    public List<Subscriber> subscribers(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) return List.of();
        return jdbc.sql("select case_id, case_number, reporter, phone, phone_index, channel from portal_subscription"
                        + " where case_id in (:ids) and channel <> 'NONE' order by id").param("ids", caseIds)
                .query((rs, n) -> new Subscriber(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
                        ProtectedValue.ofStoredText(rs.getString(4), rs.getString(5)), NotificationChannel.valueOf(rs.getString(6))))
                .list();
    }

    /** Marks the report's case closed at {@code at}, or open again (null). */
    public void closed(long caseId, Instant at) {
        jdbc.sql("update portal_report set closed_at = :at where case_id = :id").param("at", utc(at)).param("id", caseId).update();
    }

    /** Records the reporter's rating once; false when the case was rated before. */
    public boolean rate(long caseId, String rating, Instant at) {
        return jdbc.sql("update portal_report set rating = :rating, rated_at = :at where case_id = :id and rating is null")
                .param("rating", rating).param("at", utc(at)).param("id", caseId).update() == 1;
    }

    /** Records the answer to the follow-up question once; false when it was answered before or never asked. */
    public boolean answerFollowUp(long caseId, String answer, Instant at) {
        return jdbc.sql("update portal_report set follow_up_answer = :answer, follow_up_answered_at = :at where case_id = :id"
                        + " and follow_up_sent_at is not null and follow_up_answer is null")
                .param("answer", answer).param("at", utc(at)).param("id", caseId).update() == 1;
    }

    /** Cases closed before {@code closedBefore} whose follow-up was never sent, oldest first. */
    public List<Long> followUpsDue(Instant closedBefore, int limit) {
        return jdbc.sql("select case_id from portal_report where closed_at is not null and closed_at <= :before"
                        + " and follow_up_sent_at is null order by closed_at limit :limit")
                .param("before", utc(closedBefore)).param("limit", limit).query(Long.class).list();
    }

    /** True when this call marked the follow-up sent (so it goes out once, whoever runs the job). */
    public boolean markFollowUpSent(long caseId, Instant at) {
        return jdbc.sql("update portal_report set follow_up_sent_at = :at where case_id = :id and follow_up_sent_at is null")
                .param("at", utc(at)).param("id", caseId).update() == 1;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
