package cn.linli.organisation;

/** What kind of body a handling unit is; the kind decides where a unit sits in escalation and routing. */
public enum UnitKind {
    /** 区/县政府: owns whatever has no clear owner in its county (兜底). */
    DISTRICT_GOVERNMENT,
    /** 职能部门 and public utilities: handle the matters of their function (职能原则). */
    DEPARTMENT,
    /** 街道办事处 or 乡镇政府. */
    STREET_OFFICE,
    /** 社区居委会 / 村委会 with its service station: first receiver at the one-stop window (首接负责). */
    COMMUNITY_OFFICE;

    /** Units of these kinds are derived from the territory and never entered by hand. */
    public boolean derived() {
        return this != DEPARTMENT;
    }

    public String labelKey() {
        return "organisation.kind." + name();
    }
}
