package cn.linli.registry;

/** How a resident belongs to a household: a resident has at most one current household of each kind. */
public enum MembershipKind {

    /** 户籍: where the household registration (户口) is. */
    REGISTERED,
    /** 实际居住: where the resident actually lives; a different household than the registered one is 人户分离. */
    ACTUAL;

    /** The message-bundle key of the name in the user's language. */
    public String labelKey() {
        return "registry.membership-kind." + name();
    }
}
