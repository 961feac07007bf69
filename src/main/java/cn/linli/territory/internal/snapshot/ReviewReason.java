package cn.linli.territory.internal.snapshot;

/** Why an unmatched current unit and an unmatched snapshot row are shown to the reviewer side by side. */
public enum ReviewReason {
    /** Same code, different normalised name: a code reused for another unit, or a real rename. */
    SAME_CODE_DIFFERENT_NAME,
    /**
     * Same normalised name in the same county, not matched by a rule: the name is not unique there, or the unit
     * would move between two parents that both continue.
     */
    SAME_NAME_IN_COUNTY,
    /** Names that differ by one character or where one contains the other, in the same county. */
    SIMILAR_NAME_IN_COUNTY,
    /**
     * The unit IS matched, by name, to another code, while its old code now carries another name: either the names
     * followed the units (as proposed) or the units kept their codes and were renamed (a renumbered farm's areas).
     * Pairing the unit with its old code overrules the name match.
     */
    NAME_MATCH_OVER_REUSED_CODE
}
