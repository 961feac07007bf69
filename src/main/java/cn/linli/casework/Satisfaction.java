package cn.linli.casework;

/** The reporter's answer at the return visit (回访). */
public enum Satisfaction {
    SATISFIED, BASICALLY_SATISFIED, DISSATISFIED, NOT_REACHED;

    /** Counted as satisfied by the satisfaction rate (满意 + 基本满意). */
    public boolean countsAsSatisfied() {
        return this == SATISFIED || this == BASICALLY_SATISFIED;
    }
}
