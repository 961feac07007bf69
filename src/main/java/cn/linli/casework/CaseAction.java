package cn.linli.casework;

/** What happened to a case, as its history records it; each action is one event and one line of the timeline. */
public enum CaseAction {
    RECEIVE, ANSWER, REFUSE, REGISTER, DISPATCH, ACCEPT, RETURN, REPORT_RESULT, VERIFY_PASS, VERIFY_FAIL,
    RETURN_VISIT, REOPEN, REQUEST_EXTENSION, APPROVE_EXTENSION, REFUSE_EXTENSION, SUSPEND, RESUME, VOID, MERGE,
    SUPERVISE, REMIND,
    /** 改派: a returned case dispatched to another unit at the same level or beside it. */
    REDISPATCH,
    /** 上报: a returned case dispatched up, to the unit above the one that returned it. */
    ESCALATE,
    /** A breached deadline reported by the platform to the unit above the one that let it pass (超时督办); not a re-dispatch. */
    ESCALATE_TO_SUPERVISOR
}
