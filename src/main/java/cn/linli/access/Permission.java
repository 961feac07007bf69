package cn.linli.access;

/**
 * What a role may do with personal data beyond seeing it masked. Which roles hold which permission is configured in
 * one place, {@code linli.protection.unmask-roles} and {@code linli.protection.sensitive-read-roles}.
 */
public enum Permission {

    /** See an identifier (ID number, phone) in full, with a reason, audited. */
    UNMASK,
    /** Read sensitive personal information (PIPL art. 28: health, disability, welfare, correction), audited. */
    READ_SENSITIVE
}
