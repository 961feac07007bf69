package cn.linli.casework;

import cn.linli.worktime.TimeLimit;
import cn.linli.worktime.TimeLimitUnit;

/**
 * What the requester wants (诉求类型), recorded on every case besides its category: the same pot-hole may be a
 * complaint or a suggestion. The handling limits are the hotline's examples from Guangdong's 12345 rules (inquiry 2
 * working days, help and suggestion 10, complaint and report 15); a category's own limits apply where it has them.
 */
public enum RequestType {

    /** 咨询. */
    INQUIRY("咨询", "Inquiry", TimeLimit.workingDays(2)),
    /** 求助. */
    HELP("求助", "Request for help", TimeLimit.workingDays(10)),
    /** 投诉. */
    COMPLAINT("投诉", "Complaint", TimeLimit.workingDays(15)),
    /** 举报: the reporter is always kept confidential (GB/T 33358: confidential requests kept confidential). */
    REPORT("举报", "Report of wrongdoing", TimeLimit.workingDays(15)),
    /** 建议. */
    SUGGESTION("建议", "Suggestion", TimeLimit.workingDays(10)),
    /** 表扬: passed on to the praised unit; no standard limit, so the suggestion's is used. */
    PRAISE("表扬", "Praise", TimeLimit.workingDays(10));

    private final String nameZh;
    private final String nameEn;
    private final TimeLimit hotlineHandlingLimit;

    RequestType(String nameZh, String nameEn, TimeLimit hotlineHandlingLimit) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.hotlineHandlingLimit = hotlineHandlingLimit;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** The hotline's handling limit for this type of request. */
    public TimeLimit hotlineHandlingLimit() {
        return hotlineHandlingLimit;
    }

    /** Whether every case of this type is confidential whatever its category: the person who reports wrongdoing. */
    public boolean alwaysConfidential() {
        return this == REPORT;
    }
}
