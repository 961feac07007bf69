package cn.linli.casework;

/**
 * Where a case stands. One state machine for every channel, after the 12345 hotline workflow (国办发〔2020〕53号:
 * 受理 → 调度 → 办理 → 回复 → 督办 → 办结 → 回访 → 评价) and digital urban management (GB/T 30428: 案卷建立 → 任务派遣 →
 * 任务处理 → 处理反馈 → 核查结案 → 综合评价).
 */
public enum CaseState {
    /** 受理: taken at a window, on the phone, by a grid worker or through an API; not yet registered. */
    RECEIVED,
    /** 即时办结: answered at once at intake (an inquiry the call-taker could answer); closed. */
    ANSWERED,
    /** 不予受理: outside what the platform takes (courts, petitions, secrets …), with the reason. */
    NOT_ACCEPTED,
    /** 立案: registered with a category, waiting to be dispatched. */
    REGISTERED,
    /** 派遣: sent to a handling unit, waiting for it to accept or return it. */
    DISPATCHED,
    /** 退单: returned by the handling unit with a reason; the dispatcher re-dispatches or escalates. */
    RETURNED,
    /** 办理中: accepted by the handling unit (also after rework). */
    IN_PROGRESS,
    /** 处理反馈: the handling unit reported its result; waiting for verification by the supervision side. */
    HANDLED,
    /** 核查结案: verified and closed; waiting for the return visit where the reporter asked for one. */
    CLOSED,
    /** 回访评价: the reporter was asked and the case is evaluated; final. */
    EVALUATED,
    /** 挂起: suspended (e.g. waiting for a court or the season), resumed to the state it left. */
    SUSPENDED,
    /** 作废: void (invalid or harassing), with the reason; final. */
    VOIDED,
    /** 并单: merged into another case about the same matter; final. */
    MERGED;

    /** Whether work on the case is still owed. */
    public boolean isOpen() {
        return switch (this) {
            case ANSWERED, NOT_ACCEPTED, CLOSED, EVALUATED, VOIDED, MERGED -> false;
            default -> true;
        };
    }

    /** Whether the case ended as resolved (counted as closed by the indicators). */
    public boolean isResolved() {
        return this == ANSWERED || this == CLOSED || this == EVALUATED;
    }
}
