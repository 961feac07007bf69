package cn.linli.casework;

import java.time.Instant;

/** A case in a list (a caller's earlier cases, likely duplicates): enough to recognise it and open its page. */
public record CaseSummary(long id, String number, CaseState state, String title, String categoryCode, Instant receivedAt) {
}
