package cn.linli.territory.internal.snapshot;

/** How a current unit was recognised in the snapshot, strongest evidence first. */
public enum MatchRule {
    /** Same code and the same normalised name. */
    CODE_AND_NAME,
    /** Same normalised name, unique among the children of the same (or the matched) parent. */
    NAME_UNDER_PARENT,
    /** Same normalised name, unique in the matched county, after the parent was abolished or is new. */
    NAME_IN_COUNTY,
    /** Paired by a reviewer. */
    REVIEWER
}
