package cn.linli.access.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code linli.access.second-factor.enrolment-required}: whether administrators without a second factor are sent to
 * enrolment before anything else. Unset, it follows the mode: required in production, not in demo mode (so the demo
 * logins and the tests keep working without an authenticator app). An enrolled user is always asked for the code.
 */
@ConfigurationProperties("linli.access.second-factor")
record SecondFactorSettings(Boolean enrolmentRequired) {

    boolean enrolmentRequired(boolean demo) {
        return enrolmentRequired == null ? !demo : enrolmentRequired;
    }
}
