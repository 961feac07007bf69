package cn.linli.registry;

/** The kind of a household (户类型). */
public enum HouseholdType {

    /** 户籍户: the registered residence of its members. */
    REGISTERED,
    /** 常住户: lived in by its members without their registration. */
    RESIDENT,
    /** 出租户: let to tenants. */
    RENTAL,
    /** 空置户: nobody lives there. */
    VACANT;

    /** The message-bundle key of the name in the user's language. */
    public String labelKey() {
        return "registry.household-type." + name();
    }
}
