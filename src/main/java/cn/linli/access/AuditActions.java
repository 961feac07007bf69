package cn.linli.access;

/** The actions access writes to the audit log. */
public final class AuditActions {

    public static final String LOGIN_SUCCEEDED = "LOGIN_SUCCEEDED";
    public static final String LOGIN_FAILED = "LOGIN_FAILED";
    /** A login attempt refused unchecked because the username or the address is locked. */
    public static final String LOGIN_REFUSED = "LOGIN_REFUSED";
    /** Too many failures: a username or an address is locked for a while. */
    public static final String LOGIN_LOCKED = "LOGIN_LOCKED";
    public static final String LOGOUT = "LOGOUT";
    public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";
    public static final String PASSWORD_CHANGE_REFUSED = "PASSWORD_CHANGE_REFUSED";
    public static final String USER_CREATED = "USER_CREATED";
    /** An identifier shown in full, with the reason given. */
    public static final String UNMASKED = "UNMASKED";
    /** An unmask refused for want of permission. */
    public static final String UNMASK_REFUSED = "UNMASK_REFUSED";
    /** Sensitive personal information read, with the purpose given. */
    public static final String SENSITIVE_READ = "SENSITIVE_READ";
    public static final String SENSITIVE_READ_REFUSED = "SENSITIVE_READ_REFUSED";
    /** The audit log exported: who took which part of the trail with them. */
    public static final String AUDIT_EXPORTED = "AUDIT_EXPORTED";

    private AuditActions() {
    }
}
