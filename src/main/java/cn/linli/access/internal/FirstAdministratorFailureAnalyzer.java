package cn.linli.access.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a missing first-administrator password into Spring Boot's "APPLICATION FAILED TO START ... Action" report,
 * so the operator reads what to set instead of a stack trace. Public because Boot instantiates it from
 * {@code META-INF/spring.factories}.
 */
public class FirstAdministratorFailureAnalyzer extends AbstractFailureAnalyzer<FirstAdministratorPasswordMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FirstAdministratorPasswordMissingException cause) {
        return new FailureAnalysis(
                "Linli runs in production mode (linli.demo.enabled=false) and has no user yet, but no password was given "
                        + "for the first administrator.",
                "Set LINLI_ADMIN_PASSWORD (at least 10 characters, letters and digits) and optionally LINLI_ADMIN_USERNAME "
                        + "(default 'admin'), then start again. The administrator must change this password at the first "
                        + "login. For a demonstration with sample data and logins, set LINLI_DEMO=true instead.",
                cause);
    }
}
