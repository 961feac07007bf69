package cn.linli.casework.internal;

import java.time.Instant;

import org.springframework.stereotype.Component;

import cn.linli.casework.CaseStage;
import cn.linli.casework.CaseState;

/**
 * The SLA light of a case on the board, derived from its deadline and the working-time calendar (standards.md): red
 * when the deadline has passed, yellow when 80% of the stage's allowed working time is used, else green.
 */
@Component
public class BoardLights {

    static final double YELLOW_AT = 0.8;

    public enum Light { GREEN, YELLOW, RED, NONE }

    private final Deadlines deadlines;

    BoardLights(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    public Light of(BoardQueries.Row row, Instant now) {
        CaseStage stage = stage(row.state());
        if (row.deadline() == null || stage == null) return Light.NONE;
        if (now.isAfter(row.deadline())) return Light.RED;
        Instant start = row.stageStartedAt() == null ? row.receivedAt() : row.stageStartedAt();
        double used = deadlines.usedShare(row.categoryCode(), row.urgent(), stage, start, row.deadline(), now, row.receivedAt());
        return used >= YELLOW_AT ? Light.YELLOW : Light.GREEN;
    }

    static CaseStage stage(CaseState state) {
        return switch (state) {
            case REGISTERED, RETURNED -> CaseStage.DISPATCH;
            case DISPATCHED -> CaseStage.ACCEPT;
            case IN_PROGRESS -> CaseStage.HANDLE;
            case HANDLED -> CaseStage.VERIFY;
            default -> null;
        };
    }
}
