package cn.linli.casework.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.linli.casework.CaseStage;
import cn.linli.casework.CaseState;
import cn.linli.casework.SlaLight;

/**
 * The SLA light of a case's current stage, from its deadline and the share of the stage's working time used now.
 * Computed on every read, because the light changes with the clock and the calendar, not with the case.
 */
@Component
public class CaseLights {

    private final Deadlines deadlines;
    private final JdbcClient jdbc;
    private final Clock clock;

    CaseLights(Deadlines deadlines, JdbcClient jdbc, Clock clock) {
        this.deadlines = deadlines;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The light of a stage as a list row has it, now. */
    public SlaLight light(CaseState state, String categoryCode, boolean urgent, Instant stageStartedAt, Instant deadline,
            Instant receivedAt) {
        return light(state, categoryCode, urgent, stageStartedAt, deadline, receivedAt, clock.instant());
    }

    /** The light of a stage at an instant. */
    public SlaLight light(CaseState state, String categoryCode, boolean urgent, Instant stageStartedAt, Instant deadline,
            Instant receivedAt, Instant now) {
        CaseStage stage = SlaLight.stageOf(state);
        if (stage == null || deadline == null) return SlaLight.NONE;
        // past the deadline it is red whatever share was used: no working-time arithmetic (a board of overdue cases)
        if (now.isAfter(deadline)) return SlaLight.RED;
        if (stageStartedAt == null || !deadline.isAfter(stageStartedAt)) return SlaLight.of(state, deadline, now, 0);
        double used = deadlines.usedShare(categoryCode, urgent, stage, stageStartedAt, deadline, now, receivedAt);
        return SlaLight.of(state, deadline, now, used);
    }

    /** The light of one stored case; call it only for a case the user may see (found through the case queries). */
    public SlaLight lightOf(long caseId) {
        return jdbc.sql("""
                select state, category_code, urgent, stage_started_at, deadline, received_at from casework_case where id = :id""")
                .param("id", caseId)
                .query((rs, n) -> light(CaseState.valueOf(rs.getString("state")), rs.getString("category_code"),
                        rs.getBoolean("urgent"), Cases.instant(rs, "stage_started_at"), Cases.instant(rs, "deadline"),
                        Cases.instant(rs, "received_at")))
                .optional().orElse(SlaLight.NONE);
    }
}
