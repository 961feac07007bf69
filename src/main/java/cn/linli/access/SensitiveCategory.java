package cn.linli.access;

/**
 * Sensitive personal information (敏感个人信息, PIPL art. 28) kept about residents. PIPL asks for a specific purpose
 * and strict protection, so every read of it is audited.
 */
public enum SensitiveCategory {

    /** 健康: illnesses, long-term care needs. */
    HEALTH,
    /** 残疾: disability type and grade. */
    DISABILITY,
    /** 救助: minimum living allowance (低保), special hardship support (特困) and other welfare. */
    WELFARE,
    /** 社区矫正: persons under community correction. */
    CORRECTION;

    public String labelKey() {
        return "access.sensitive." + name();
    }
}
