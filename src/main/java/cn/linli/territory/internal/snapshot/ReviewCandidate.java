package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;
import cn.linli.shared.DivisionLevel;

/**
 * An unmatched current unit and an unmatched snapshot row that look related. By default the unit is proposed
 * for abolition and the row for creation; a {@link ReviewerPairing} turns them into one unit.
 */
public record ReviewCandidate(long unitId, DivisionCode currentCode, String currentName, DivisionCode newCode,
                              String newName, DivisionLevel level, ReviewReason reason) {
}
