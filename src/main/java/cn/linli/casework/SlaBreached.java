package cn.linli.casework;

import java.time.Instant;

/**
 * A stage of a case passed its deadline (超时): published once per breach across all instances, when the platform
 * reminds {@code unitId} (the unit that owes the work) and reports the breach to the unit above it.
 */
public record SlaBreached(long caseId, String number, Long unitId, CaseStage stage, Instant deadline) {
}
