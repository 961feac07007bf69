package cn.linli.casework.internal;

import java.time.Instant;

import cn.linli.casework.CaseAction;
import cn.linli.casework.CaseState;

/**
 * One line of a case's append-only history: who did what, when, from which state to which, and why. A line that
 * moves a deadline (an extension requested or approved) keeps the deadline before it and the one it asks for or sets.
 */
public record CaseRecord(CaseAction action, CaseState from, CaseState to, Long unitId, String actor, Instant at, String note,
        Instant oldDeadline, Instant newDeadline) {

    public CaseRecord(CaseAction action, CaseState from, CaseState to, Long unitId, String actor, Instant at, String note) {
        this(action, from, to, unitId, actor, at, note, null, null);
    }
}
