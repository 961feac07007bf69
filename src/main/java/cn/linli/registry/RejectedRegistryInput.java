package cn.linli.registry;

import java.util.List;

import cn.linli.web.RejectedInput;

/**
 * Input to the registry that breaks a rule: the field at fault and a message key with its arguments, so the API
 * answers a localized 400 and pages can show the message next to the field. Nothing has been changed when it is
 * thrown. A record outside the user's scope is refused as unknown, so that its existence does not leak.
 */
public class RejectedRegistryInput extends IllegalArgumentException implements RejectedInput {

    private final String field;
    private final String code;
    private final transient List<Object> arguments;

    public RejectedRegistryInput(String field, String code, Object... arguments) {
        super(code + " " + List.of(arguments));
        this.field = field;
        this.code = code;
        this.arguments = List.of(arguments);
    }

    @Override
    public String field() {
        return field;
    }

    /** The message key, e.g. {@code registry.error.same-kind-current}. */
    public String code() {
        return code;
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
