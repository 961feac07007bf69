package cn.linli.territory;

/** The dated operations that change the territory; each is recorded and none loses history. */
public enum ReorganisationKind {
    CREATE, RENAME, RECODE, MOVE, RECLASSIFY, AMEND, MERGE, SPLIT, ABOLISH, ABOLISH_LEVEL, SNAPSHOT, BOUNDARIES
}
