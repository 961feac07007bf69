package cn.linli.registry;

/** Whether a resident still lives in the city; the registry keeps the history of those who left or died. */
public enum ResidentStatus {

    /** 在册. */
    ACTIVE,
    /** 迁出本市. */
    MOVED_AWAY,
    /** 死亡. */
    DECEASED;

    /** The message-bundle key of the name in the user's language. */
    public String labelKey() {
        return "registry.resident-status." + name();
    }
}
