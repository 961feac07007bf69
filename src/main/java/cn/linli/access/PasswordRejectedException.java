package cn.linli.access;

/**
 * A password change that was refused: the current password was wrong, or the new one breaks the password policy.
 * {@link #field()} is {@code currentPassword} or {@code newPassword}, the fields of the change-password form.
 */
public class PasswordRejectedException extends RejectedAccessInput {

    PasswordRejectedException(String field, String code, String englishMessage, Object... arguments) {
        super(field, code, englishMessage, arguments);
    }
}
