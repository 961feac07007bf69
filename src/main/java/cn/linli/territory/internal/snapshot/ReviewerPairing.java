package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;

/** A reviewer's decision that the current unit and the snapshot row with {@code newCode} are the same unit. */
public record ReviewerPairing(long unitId, DivisionCode newCode) {
}
