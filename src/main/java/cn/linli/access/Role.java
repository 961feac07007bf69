package cn.linli.access;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a user does in the city's community governance system. A user may hold several roles; the units they serve
 * are their {@link Jurisdiction}.
 */
public enum Role {

    /** 市级管理员: the city civil-affairs bureau; configures the platform and sees the whole city. */
    CITY_ADMIN,
    /** 区县工作人员: district or county staff. */
    DISTRICT_STAFF,
    /** 街道/乡镇工作人员: street office or town staff. */
    STREET_STAFF,
    /** 社区工作人员: community staff, e.g. at the one-stop service window. */
    COMMUNITY_STAFF,
    /** 网格员: grid worker. */
    GRID_WORKER,
    /** 部门工作人员: staff of a functional department (城管, 住建, 公安 …). */
    DEPARTMENT_STAFF,
    /**
     * 系统管理员 (三员分立, 等保 level 3): runs the platform (monitoring, configuration, accounts); reads no audit log and
     * assigns no roles.
     */
    SYSTEM_ADMIN,
    /** 安全管理员: assigns roles, unlocks accounts, keeps the password and key policy; sees no business data. */
    SECURITY_ADMIN,
    /** 审计管理员: reads, exports and checks the audit log, and nothing else. */
    AUDIT_ADMIN;

    /** The three administrators of 三员分立: no account holds two of them, nor one of them with another role. */
    public static final Set<Role> ADMINISTRATORS = Collections.unmodifiableSet(EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN));

    /** Roles that must log in with a second factor (TOTP): the three administrators and the city administrator. */
    public static final Set<Role> SECOND_FACTOR = Collections.unmodifiableSet(
            EnumSet.of(CITY_ADMIN, SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN));

    public boolean isAdministrator() {
        return ADMINISTRATORS.contains(this);
    }

    /** The Spring Security authority, for {@code hasRole(...)} checks. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The message-bundle key of the role's name in the user's language. */
    public String labelKey() {
        return "access.role." + name();
    }
}
