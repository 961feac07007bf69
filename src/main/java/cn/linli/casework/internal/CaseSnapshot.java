package cn.linli.casework.internal;

import java.time.Instant;
import java.util.Set;

import cn.linli.casework.CaseState;
import cn.linli.casework.Satisfaction;

/** The changing part of a case as stored in {@code casework_case}; the description and reporter never change. */
record CaseSnapshot(long id, String number, long version, CaseState state, CaseState suspendedFrom, String categoryCode,
        boolean urgent, Long mainUnit, Set<Long> coUnits, Instant stageStartedAt, Instant deadline, Instant requestedDeadline,
        int returns, int reworks, int extensions, int reopenings, Long mergedInto, Satisfaction satisfaction,
        boolean wantsReturnVisit) {

    CaseSnapshot {
        coUnits = coUnits == null ? Set.of() : Set.copyOf(coUnits);
    }

    /** This new case as its first insert stores it: at version 1 (see {@code Cases.insert}). */
    CaseSnapshot inserted() {
        return new CaseSnapshot(id, number, version + 1, state, suspendedFrom, categoryCode, urgent, mainUnit, coUnits,
                stageStartedAt, deadline, requestedDeadline, returns, reworks, extensions, reopenings, mergedInto, satisfaction,
                wantsReturnVisit);
    }

    static CaseSnapshot received(long id, String number, boolean wantsReturnVisit, Instant at) {
        return new CaseSnapshot(id, number, 0, CaseState.RECEIVED, null, null, false, null, Set.of(), at, null, null,
                0, 0, 0, 0, null, null, wantsReturnVisit);
    }
}
