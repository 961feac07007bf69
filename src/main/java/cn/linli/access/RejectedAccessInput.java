package cn.linli.access;

import cn.linli.web.RejectedInput;

/** Input to the access module that breaks a rule: the field at fault and a message key with its arguments. */
public abstract class RejectedAccessInput extends IllegalArgumentException implements RejectedInput {

    private final String field;
    private final String code;
    private final transient Object[] arguments;

    RejectedAccessInput(String field, String code, String englishMessage, Object... arguments) {
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
