package cn.linli.casework;

import java.time.Instant;

/**
 * The traffic light of a case's current stage (standards.md, SLA): green while in time, yellow once 80 % of the
 * stage's allowed working time is used, red when the deadline has passed. Derived, never stored: the share comes from
 * the working-time calendar at the moment of asking. {@code NONE} for a case with no running deadline (closed,
 * suspended, still at the desk).
 */
public enum SlaLight {
    NONE, GREEN, YELLOW, RED;

    /** The share of the allowed time at which a case turns yellow (预警). */
    public static final double WARNING_SHARE = 0.8;

    /**
     * @param deadline  the stage's deadline, null when none runs
     * @param usedShare the share of the stage's allowed working time used by {@code now} (0 = just started)
     */
    public static SlaLight of(Instant deadline, double usedShare, Instant now) {
        if (deadline == null) return NONE;
        if (now.isAfter(deadline)) return RED;
        return usedShare >= WARNING_SHARE ? YELLOW : GREEN;
    }

    /** The stage whose clock runs in a state, or null where no deadline runs. */
    public static CaseStage stageOf(CaseState state) {
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
