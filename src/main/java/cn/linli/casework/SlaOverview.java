package cn.linli.casework;

import java.time.Instant;
import java.util.List;

/**
 * Breached and at-risk cases in a supervisor's jurisdiction (督办视图), grouped by the unit that owes the work, the
 * group with the oldest breach first; within a group the breached cases by deadline, then the at-risk ones.
 */
public record SlaOverview(Instant at, List<UnitCases> units) {

    public SlaOverview {
        units = List.copyOf(units);
    }

    public int red() {
        return units.stream().mapToInt(UnitCases::red).sum();
    }

    public int yellow() {
        return units.stream().mapToInt(UnitCases::yellow).sum();
    }

    /** One unit's cases; {@code unitId} null for cases not yet dispatched (the dispatching office owes them). */
    public record UnitCases(Long unitId, String unitName, int red, int yellow, List<AtRisk> cases) {
        public UnitCases {
            cases = List.copyOf(cases);
        }
    }

    /** A case with its light. */
    public record AtRisk(long id, String number, long version, CaseState state, CaseStage stage, String title,
            String categoryCode, Instant stageStartedAt, Instant deadline, SlaLight light) {
    }
}
