package cn.linli.access;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import cn.linli.access.internal.PasswordSettings;

/**
 * The rules a password must follow. GB/T 22239-2019 (等保 2.0) asks for complex passwords ("口令应有复杂度要求");
 * Linli reads that as at least 10 characters with both letters and digits; {@code linli.access.password.*} may ask
 * for more (longer, mixed case, a symbol; see {@link PasswordSettings}). At most 72 bytes, because bcrypt ignores
 * (and Spring Security refuses) anything longer.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** The first built-in rule the password breaks, or empty when it is acceptable. */
    static Optional<Violation> check(String password) {
        return check(password, PasswordSettings.defaults());
    }

    /** The first rule of the configured policy ({@code linli.access.password.*}) the password breaks. */
    static Optional<Violation> check(String password, PasswordSettings settings) {
        int minLength = settings.minLength();
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            return Optional.of(new Violation("access.password.tooShort",
                    "the password must have at least " + minLength + " characters", minLength));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of(new Violation("access.password.tooLong",
                    "the password must not be longer than " + MAX_BYTES + " bytes", MAX_BYTES));
        }
        boolean letter = password.codePoints().anyMatch(Character::isLetter);
        boolean digit = password.codePoints().anyMatch(Character::isDigit);
        if (!letter || !digit) {
            return Optional.of(new Violation("access.password.lettersAndDigits",
                    "the password must contain both letters and digits"));
        }
        if (settings.mixedCase() && (password.codePoints().noneMatch(Character::isUpperCase)
                || password.codePoints().noneMatch(Character::isLowerCase))) {
            return Optional.of(new Violation("access.password.mixedCase",
                    "the password must contain both upper-case and lower-case letters"));
        }
        if (settings.symbol() && password.codePoints().allMatch(Character::isLetterOrDigit)) {
            return Optional.of(new Violation("access.password.symbol",
                    "the password must contain a symbol (a character that is neither letter nor digit)"));
        }
        return Optional.empty();
    }

    /** A broken rule: its message code, an English text for logs, and the message arguments. */
    record Violation(String code, String englishMessage, Object... arguments) {
    }
}
