package cn.linli.access;

import cn.linli.web.RejectedInput;

/** A new user that breaks a rule (username form, no role, no unit for a non-administrator, weak password). */
public class InvalidUserException extends IllegalArgumentException implements RejectedInput {

    private final String field;
    private final String code;
    private final transient Object[] arguments;

    InvalidUserException(String field, String code, String englishMessage, Object... arguments) {
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
