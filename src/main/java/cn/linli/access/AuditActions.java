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
    /** The password was right; the authenticator code is asked for next. */
    public static final String LOGIN_CODE_REQUESTED = "LOGIN_CODE_REQUESTED";
    /** A wrong, stale or replayed authenticator code (counts toward the login lock). */
    public static final String LOGIN_CODE_FAILED = "LOGIN_CODE_FAILED";
    /** A second factor (TOTP) enrolled, or replaced, by its user. */
    public static final String SECOND_FACTOR_ENROLLED = "SECOND_FACTOR_ENROLLED";
    public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";
    public static final String PASSWORD_CHANGE_REFUSED = "PASSWORD_CHANGE_REFUSED";
    public static final String USER_CREATED = "USER_CREATED";
    /** A security administrator gave a user other roles. */
    public static final String ROLES_CHANGED = "ROLES_CHANGED";
    public static final String ROLES_CHANGE_REFUSED = "ROLES_CHANGE_REFUSED";
    /** A security administrator lifted a username's login lock. */
    public static final String ACCOUNT_UNLOCKED = "ACCOUNT_UNLOCKED";
    public static final String UNLOCK_REFUSED = "UNLOCK_REFUSED";
    /** A create-account request from someone who is not a system administrator. */
    public static final String USER_CREATE_REFUSED = "USER_CREATE_REFUSED";
    /** A security administrator disabled an account (it cannot log in; its sessions ended). */
    public static final String ACCOUNT_DISABLED = "ACCOUNT_DISABLED";
    public static final String ACCOUNT_ENABLED = "ACCOUNT_ENABLED";
    /** A security administrator forgot a user's second factor; the user enrols again. */
    public static final String SECOND_FACTOR_RESET = "SECOND_FACTOR_RESET";
    /** A security administrator gave a user a new one-time password, to be changed at the next login. */
    public static final String PASSWORD_RESET = "PASSWORD_RESET";
    /** Disable, enable, second-factor or password reset refused (not a security administrator, or the own account). */
    public static final String ACCOUNT_CHANGE_REFUSED = "ACCOUNT_CHANGE_REFUSED";
    /** An identifier shown in full, with the reason given. */
    public static final String UNMASKED = "UNMASKED";
    /** An unmask refused for want of permission. */
    public static final String UNMASK_REFUSED = "UNMASK_REFUSED";
    /** Sensitive personal information read, with the purpose given. */
    public static final String SENSITIVE_READ = "SENSITIVE_READ";
    public static final String SENSITIVE_READ_REFUSED = "SENSITIVE_READ_REFUSED";
    /** The audit log exported: who took which part of the trail with them. */
    public static final String AUDIT_EXPORTED = "AUDIT_EXPORTED";
    /** The hash chain of the audit log checked, with the outcome. */
    public static final String AUDIT_CHAIN_CHECKED = "AUDIT_CHAIN_CHECKED";
    /** Records past their retention deleted (the chain goes on from an anchor). */
    public static final String AUDIT_PURGED = "AUDIT_PURGED";

    private AuditActions() {
    }
}
