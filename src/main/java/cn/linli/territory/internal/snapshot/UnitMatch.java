package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;

/** A current unit recognised as the snapshot row with {@code newCode}, whether or not anything changed. */
public record UnitMatch(long unitId, DivisionCode newCode, MatchRule rule) {
}
