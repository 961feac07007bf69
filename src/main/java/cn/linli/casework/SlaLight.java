package cn.linli.casework;

import java.time.Instant;

import cn.linli.worktime.TimeLimitUnit;
import cn.linli.worktime.WorkClock;

/**
 * The SLA light of a case (红黄绿灯), derived each time from the stage's start, its deadline, the time now and how the
 * stage's limit is counted, never stored: a calendar change or an approved extension changes it at once. Yellow from
 * 80% of the allowed (working) time, as the 12345 and digital urban-management platforms warn before a breach; red
 * once the deadline has passed; none where no clock runs (closed, suspended, not yet registered).
 */
public enum SlaLight {

    GREEN, YELLOW, RED, NONE;

    /** The share of the allowed time from which a case is at risk. */
    public static final double AT_RISK_SHARE = 0.8;

    /** The light of a case in a state, with the stage's start and deadline, counted in the stage's limit unit. */
    public static SlaLight of(CaseState state, Instant stageStartedAt, Instant deadline, Instant now, TimeLimitUnit unit,
            WorkClock clock) {
        if (stageOf(state) == null || stageStartedAt == null || deadline == null) return NONE;
        if (now.isAfter(deadline)) return RED;
        return of(state, deadline, now, clock.usedShare(stageStartedAt, deadline, now, unit));
    }

    /** The light from a share of the allowed time already computed (e.g. by {@code Deadlines.usedShare}). */
    public static SlaLight of(CaseState state, Instant deadline, Instant now, double usedShare) {
        if (stageOf(state) == null || deadline == null) return NONE;
        if (now.isAfter(deadline)) return RED;
        return usedShare >= AT_RISK_SHARE ? YELLOW : GREEN;
    }

    /** The stage whose clock runs while a case is in this state, or null where none runs. */
    public static CaseStage stageOf(CaseState state) {
        if (state == null) return null;
        return switch (state) {
            case REGISTERED, RETURNED -> CaseStage.DISPATCH;
            case DISPATCHED -> CaseStage.ACCEPT;
            case IN_PROGRESS -> CaseStage.HANDLE;
            case HANDLED -> CaseStage.VERIFY;
            default -> null;
        };
    }

    /** The message key of the light's label ({@code case.light.GREEN} …). */
    public String labelKey() {
        return "case.light." + name();
    }
}
