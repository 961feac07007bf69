package cn.linli.worktime;

import java.util.List;

import cn.linli.web.RejectedInput;

/**
 * Input to the working-time module that breaks a rule: the field at fault and a message key with its arguments, so
 * the API answers a localized 400. Nothing has been changed when it is thrown.
 */
public class RejectedTimeInput extends IllegalArgumentException implements RejectedInput {

    private final String field;
    private final String code;
    private final transient List<Object> arguments;

    public RejectedTimeInput(String field, String code, Object... arguments) {
        super(code + " " + List.of(arguments));
        this.field = field;
        this.code = code;
        this.arguments = List.of(arguments);
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
        return arguments.toArray();
    }

    @Override
    public String getDefaultMessage() {
        return getMessage();
    }
}
