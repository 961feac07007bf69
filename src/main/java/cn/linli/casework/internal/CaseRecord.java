package cn.linli.casework.internal;

import java.time.Instant;

import cn.linli.casework.CaseAction;
import cn.linli.casework.CaseState;

/** One line of a case's append-only history: who did what, when, from which state to which, and why. */
public record CaseRecord(CaseAction action, CaseState from, CaseState to, Long unitId, String actor, Instant at, String note) {
}
