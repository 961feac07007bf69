package cn.linli.casework;

/** What happened to a case, as its history records it; each action is one event and one line of the timeline. */
public enum CaseAction {
    RECEIVE, ANSWER, REFUSE, REGISTER, DISPATCH, ACCEPT, RETURN, REPORT_RESULT, VERIFY_PASS, VERIFY_FAIL,
    RETURN_VISIT, REOPEN, REQUEST_EXTENSION, APPROVE_EXTENSION, REFUSE_EXTENSION, SUSPEND, RESUME, VOID, MERGE,
    SUPERVISE, REMIND, ESCALATE,
    /** A breached deadline reported by the platform to the unit above the one that let it pass (超时督办); not a re-dispatch. */
    ESCALATE_TO_SUPERVISOR
}
