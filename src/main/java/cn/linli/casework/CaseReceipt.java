package cn.linli.casework;

/** What intake answers: the case's number for the caller, its state, and whether this was a repeat of an earlier intake. */
public record CaseReceipt(long caseId, String number, CaseState state, boolean repeated) implements java.io.Serializable {
}
