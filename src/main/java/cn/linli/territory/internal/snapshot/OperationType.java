package cn.linli.territory.internal.snapshot;

/** The kinds of {@link ProposedOperation}, in the order in which a diff lists them. */
public enum OperationType {
    CREATE, MOVE, RECODE, RENAME, RECLASSIFY, ABOLISH
}
