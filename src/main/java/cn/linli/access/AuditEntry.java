package cn.linli.access;

import java.time.Instant;

/** One line of the audit log: who did what to which subject, and when. */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String subject, String detail) {
}
