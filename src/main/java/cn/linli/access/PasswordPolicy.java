package cn.linli.access;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The rules a password must follow. GB/T 22239-2019 (等保 2.0) asks for complex passwords ("口令应有复杂度要求");
 * Linli reads that as at least 10 characters with both letters and digits. At most 72 bytes, because bcrypt ignores
 * (and Spring Security refuses) anything longer.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** The first rule the password breaks, or empty when it is acceptable. */
    static Optional<Violation> check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(new Violation("access.password.tooShort",
                    "the password must have at least " + MIN_LENGTH + " characters", MIN_LENGTH));
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
        return Optional.empty();
    }

    /** A broken rule: its message code, an English text for logs, and the message arguments. */
    record Violation(String code, String englishMessage, Object... arguments) {
    }
}
