package cn.linli.registry;

/** Relation to the head of the household (与户主关系), as household registers record it. */
public enum Relation {

    /** 户主. */
    HEAD,
    /** 配偶. */
    SPOUSE,
    /** 子女. */
    CHILD,
    /** 父母. */
    PARENT,
    /** 孙子女. */
    GRANDCHILD,
    /** 兄弟姐妹. */
    SIBLING,
    /** 其他. */
    OTHER;

    /** The message-bundle key of the name in the user's language. */
    public String labelKey() {
        return "registry.relation." + name();
    }
}
