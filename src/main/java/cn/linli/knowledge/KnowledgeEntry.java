package cn.linli.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;

/**
 * One version of a knowledge-base entry. {@code validTo} is null for an entry without an end date.
 */
public record KnowledgeEntry(long id, int version, String question, String answer, List<String> categoryCodes,
        String sourceDocument, LocalDate validFrom, LocalDate validTo, String ownerDepartment, boolean retired,
        String changeNote, String changedBy, Instant changedAt) {

    public KnowledgeEntry {
        categoryCodes = List.copyOf(categoryCodes);
    }

    /** Whether call-takers and residents may be given this answer on the day. */
    public boolean validOn(LocalDate day) {
        return !retired && !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /**
     * Stale: still in use but past its end date, or not reviewed for longer than the review period, so that an
     * answer about last year's heating fee or an old policy is flagged before a call-taker reads it out.
     */
    public boolean staleOn(LocalDate day, Period reviewAfter, ZoneId zone) {
        if (retired) {
            return false;
        }
        boolean expired = validTo != null && day.isAfter(validTo);
        boolean unreviewed = changedAt.atZone(zone).toLocalDate().plus(reviewAfter).isBefore(day);
        return expired || unreviewed;
    }
}
