package cn.linli.casework;

/** A case as intake answers it, and whether it is that of an earlier intake with the same idempotency key. */
public record ReceivedCase(CaseView view, boolean repeated) {
}
