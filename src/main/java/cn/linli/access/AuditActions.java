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

    private AuditActions() {
    }
}
