package cn.linli.access;

import cn.linli.web.RejectedInput;

/**
 * A password change that was refused: the current password was wrong, or the new one breaks the password policy.
 * {@link #field()} is {@code currentPassword} or {@code newPassword}, the fields of the change-password form.
 */
public class PasswordRejectedException extends IllegalArgumentException implements RejectedInput {

    private final String field;
    private final String code;
    private final transient Object[] arguments;

    PasswordRejectedException(String field, String code, String englishMessage, Object... arguments) {
        super(englishMessage);
        this.field = field;
        this.code = code;
        this.arguments = arguments.clone();
    }

    @Override
    public String field() {
        return field;
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return arguments.clone();
    }

    @Override
    public String getDefaultMessage() {
        return getMessage();
    }
}
