package cn.linli.access.internal;

/** Production mode, no user yet, and no password given for the first administrator. */
public class FirstAdministratorPasswordMissingException extends IllegalStateException {

    static final String MESSAGE = "Production mode (linli.demo.enabled=false) and no user exists yet: set the environment "
            + "variable LINLI_ADMIN_PASSWORD (at least 10 characters, letters and digits) to create the first administrator "
            + "(username from LINLI_ADMIN_USERNAME, default 'admin'), who must change that password at the first login.";

    FirstAdministratorPasswordMissingException() {
        super(MESSAGE);
    }
}
