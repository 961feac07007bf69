package cn.linli.casework;

import java.time.Instant;
import java.util.List;

/**
 * A case as staff read it: its facts, where it stands, its deadline and its timeline. The reporter's phone is
 * masked; revealing it is a separate, audited act. The main unit and co-handlers (主办/协办) are those of the current
 * dispatch; units of earlier dispatches appear in the timeline only. Related cases are those linked by a merge.
 */
public record CaseView(long id, String number, long version, CaseState state, String requestType, Channel channel,
        String categoryCode, boolean urgent, String title, String description, Double lng, Double lat, String address,
        Long gridId, Long communityId, String reporterName, String reporterPhoneMasked, boolean anonymous,
        boolean confidential, Long mainUnit, List<Long> coUnits, Instant deadline, Instant requestedDeadline, Instant receivedAt,
        Long mergedInto, Satisfaction satisfaction, List<Entry> timeline, List<Related> related) {

    /**
     * A case linked to this one by a merge (关联工单): the one this case was merged into, or one merged into this case.
     * Listing it shows only its number, title and state; opening it checks access as any case does.
     */
    public record Related(long id, String number, String title, CaseState state, boolean mergedInto) {
    }

    /**
     * One line of the timeline; photos and files of its step refer to its id. An extension's line carries the
     * deadline before it and the one requested, approved or refused.
     */
    public record Entry(long id, CaseAction action, CaseState from, CaseState to, Long unitId, String actor, Instant at, String note,
            Instant oldDeadline, Instant newDeadline) {
    }
}
