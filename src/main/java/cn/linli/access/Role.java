package cn.linli.access;

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
    DEPARTMENT_STAFF;

    /** The Spring Security authority, for {@code hasRole(...)} checks. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The message-bundle key of the role's name in the user's language. */
    public String labelKey() {
        return "access.role." + name();
    }
}
