package cn.linli.access;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A filter on the audit log; every part is optional. Dates are calendar days in China (Asia/Shanghai), both
 * included.
 *
 * @param subjectText part of the subject, e.g. a resident's record number or a username
 */
public record AuditQuery(String actor, String action, String subjectText, LocalDate from, LocalDate to) {

    static final int TEXT_MAX = 100;

    public AuditQuery {
        actor = blankToNull(actor, "actor");
        actor = actor == null ? null : actor.toLowerCase(Locale.ROOT);
        action = blankToNull(action, "action");
        subjectText = blankToNull(subjectText, "subjectText");
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidAuditQueryException("to", "access.audit.dateOrder", "the end date is before the start date");
        }
    }

    /** Everything. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null);
    }

    /** The filter as a line of the audit log, for the record of an export. */
    String describe() {
        return "actor=" + nullToEmpty(actor) + "; action=" + nullToEmpty(action) + "; subject=" + nullToEmpty(subjectText)
                + "; from=" + nullToEmpty(from) + "; to=" + nullToEmpty(to);
    }

    private static String blankToNull(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().length() > TEXT_MAX) {
            throw new InvalidAuditQueryException(field, "access.audit.tooLong", "at most " + TEXT_MAX + " characters",
                    TEXT_MAX);
        }
        return text.strip();
    }

    private static String nullToEmpty(Object value) {
        return value == null ? "" : value.toString();
    }

    /** A filter that cannot be applied: dates in the wrong order, a text too long. */
    public static class InvalidAuditQueryException extends RejectedAccessInput {

        InvalidAuditQueryException(String field, String code, String englishMessage, Object... arguments) {
            super(field, code, englishMessage, arguments);
        }
    }
}
