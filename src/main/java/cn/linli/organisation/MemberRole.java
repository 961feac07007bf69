package cn.linli.organisation;

/** A user's role within a handling unit. */
public enum MemberRole {
    /** 负责人: answers for the unit, e.g. approves returns and extensions. */
    HEAD,
    /** 调度员: receives and dispatches the unit's cases. */
    DISPATCHER,
    /** 承办人: handles cases. */
    HANDLER;

    public String labelKey() {
        return "organisation.member-role." + name();
    }
}
