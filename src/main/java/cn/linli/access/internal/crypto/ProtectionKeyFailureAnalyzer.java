package cn.linli.access.internal.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a missing or unusable protection key into Spring Boot's "APPLICATION FAILED TO START ... Action" report.
 * Public because Boot instantiates it from {@code META-INF/spring.factories}.
 */
public class ProtectionKeyFailureAnalyzer extends AbstractFailureAnalyzer<ProtectionKeyMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProtectionKeyMissingException cause) {
        String variable = "LINLI_PROTECTION_" + cause.property().substring("linli.protection.".length())
                .replace('.', '_').replace('-', '_').toUpperCase(java.util.Locale.ROOT);
        return new FailureAnalysis(cause.getMessage() + ". Linli runs in production mode (linli.demo.enabled=false), "
                + "where ID numbers and phone numbers are encrypted with a key only this installation has.",
                "Set " + cause.property() + " (environment variable " + variable + ") to a random key of at least 32 bytes "
                        + "in Base64, e.g. the output of 'openssl rand -base64 32', kept in the installation's secret store. "
                        + "Keep every key that was ever current: values encrypted with it cannot be read without it.",
                cause);
    }
}
