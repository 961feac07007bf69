package cn.linli.casework;

import java.time.Instant;

/**
 * Something happened to a case: one line of its history. Published for every transition, after the transition's
 * transaction commits, so listeners (indicators, notifications, outside systems) never see a change that was
 * rolled back. {@code unitId} is the handling unit the action concerns, if any.
 */
public record CaseChanged(long caseId, String number, CaseAction action, CaseState from, CaseState to, Long unitId,
        String actor, Instant at) {
}
