package cn.linli.casework.internal;

import java.time.Instant;

import org.springframework.stereotype.Component;

import cn.linli.casework.CaseStage;
import cn.linli.casework.CaseState;
import cn.linli.casework.SlaLight;
import cn.linli.worktime.WorkingTime;

/**
 * The light of a stored case: the stage's limit unit comes from the category as in force when the case came in, so
 * a case's light is judged by the same limits as its deadline.
 */
@Component
public class SlaLights {

    private final Deadlines deadlines;
    private final WorkingTime workingTime;

    SlaLights(Deadlines deadlines, WorkingTime workingTime) {
        this.deadlines = deadlines;
        this.workingTime = workingTime;
    }

    public SlaLight light(CaseState state, String categoryCode, boolean urgent, Instant stageStartedAt, Instant deadline,
            Instant receivedAt, Instant now) {
        CaseStage stage = SlaLight.stageOf(state);
        if (stage == null) return SlaLight.NONE;
        var unit = deadlines.limit(categoryCode, urgent, stage, receivedAt).unit();
        return SlaLight.of(state, stageStartedAt, deadline, now, unit, workingTime.clock());
    }
}
