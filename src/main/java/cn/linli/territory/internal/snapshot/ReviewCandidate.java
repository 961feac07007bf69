package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;

/**
 * A current unit and a snapshot row that a reviewer should consider pairing. Usually both are unmatched, and by
 * default the unit is proposed for abolition and the row for creation; for
 * {@link ReviewReason#NAME_MATCH_OVER_REUSED_CODE} the unit is matched by name elsewhere. Either way a
 * {@link ReviewerPairing} of the two makes them one unit.
 */
public record ReviewCandidate(long unitId, DivisionCode currentCode, String currentName, DivisionCode newCode,
                              String newName, DivisionLevel level, ReviewReason reason) {
}
