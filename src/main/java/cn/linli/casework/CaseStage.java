package cn.linli.casework;

/**
 * The stages of a case that each have a time limit: the steps of GB/T 30428 (任务派遣, 任务处理, 核查结案) and of the
 * 12345 hotline (调度, 办理, 回访) mapped onto one state machine.
 */
public enum CaseStage {

    /** From registration to dispatch to the handling unit (派遣/调度). */
    DISPATCH,
    /** From dispatch until the unit accepts the task or returns it with a reason (签收). */
    ACCEPT,
    /** From acceptance to the unit's report that the matter is dealt with (处置/办理). */
    HANDLE,
    /** From that report to verification on site or the return visit (核查/回访), after which the case closes. */
    VERIFY
}
