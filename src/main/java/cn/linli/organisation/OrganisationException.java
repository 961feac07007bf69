package cn.linli.organisation;

import java.util.Arrays;

import cn.linli.web.RejectedInput;

/**
 * Input that breaks an organisation rule: the field at fault and a message key with arguments, answered as a 400 in
 * the user's language. Thrown before anything is written, so a rejected change leaves everything as it was.
 */
public class OrganisationException extends IllegalArgumentException implements RejectedInput {

    private final String field;
    private final String code;
    private final transient Object[] arguments;

    public OrganisationException(String field, String code, Object... arguments) {
        super(code + " " + Arrays.toString(arguments));
        this.field = field;
        this.code = code;
        this.arguments = arguments.clone();
    }

    @Override
    public String field() {
        return field;
    }

    public String code() {
        return code;
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
