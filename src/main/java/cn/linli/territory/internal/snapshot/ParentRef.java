package cn.linli.territory.internal.snapshot;

import cn.linli.shared.DivisionCode;

/** The parent a unit goes under: a unit that exists, or one created earlier in the same diff. */
public sealed interface ParentRef permits ParentRef.Existing, ParentRef.Created {

    record Existing(long unitId) implements ParentRef {
    }

    /** Named by the code it is created with, since it has no unit id before the diff is applied. */
    record Created(DivisionCode code) implements ParentRef {
    }
}
