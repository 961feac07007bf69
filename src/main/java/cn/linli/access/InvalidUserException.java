package cn.linli.access;

/** A new user that breaks a rule (username form, no role, no unit for a non-administrator, weak password). */
public class InvalidUserException extends RejectedAccessInput {

    InvalidUserException(String field, String code, String englishMessage, Object... arguments) {
        super(field, code, englishMessage, arguments);
    }
}
