package cn.linli.access.internal.audit;

/**
 * The outcome of walking the audit chain: how many records fitted, and otherwise the first record that does not
 * (its id; none when records at the end were removed) and what is wrong with it.
 */
public record ChainCheck(boolean intact, long recordsChecked, Long firstBrokenId, Problem problem) {

    public enum Problem {
        /** The record's content or hash no longer matches what was written. */
        CONTENT_CHANGED,
        /** The record does not follow the one before it: one between was replaced. */
        WRONG_PREDECESSOR,
        /** Records before this one were deleted. */
        MISSING_BEFORE,
        /** The newest records were deleted: the chain ends before its head. */
        END_REMOVED,
        /** A record was put after the chain's head: slipped in past Linli. */
        BEYOND_HEAD,
        /** A record was put into the table without being linked into the chain. */
        NOT_IN_CHAIN;

        public String messageKey() {
            return "access.audit.chain." + name();
        }
    }

    static ChainCheck intact(long checked) {
        return new ChainCheck(true, checked, null, null);
    }

    static ChainCheck broken(long checked, Long firstBrokenId, Problem problem) {
        return new ChainCheck(false, checked, firstBrokenId, problem);
    }

    /** One line for the operator's console. */
    public String describe() {
        return intact ? "audit chain intact: " + recordsChecked + " records checked"
                : "audit chain BROKEN after " + recordsChecked + " good records: "
                        + (firstBrokenId == null ? "" : "record id " + firstBrokenId + ", ") + problem;
    }
}
