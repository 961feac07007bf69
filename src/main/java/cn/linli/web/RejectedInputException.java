package cn.linli.web;

import java.util.Arrays;

/**
 * The one base of the modules' bad-input exceptions: the field at fault and a message key with its arguments, so that
 * {@code /api/**} answers a localized 400 and pages show the message next to the field. Thrown before anything is
 * written, so a rejected input leaves everything as it was.
 */
public class RejectedInputException extends IllegalArgumentException implements RejectedInput {

    private final String field;
    private final String code;
    private final transient Object[] arguments;

    /** With a developer-facing message of its own (logs); the user sees the message key's text. */
    protected RejectedInputException(String field, String code, String developerMessage, Object... arguments) {
        super(developerMessage);
        this.field = field;
        this.code = code;
        this.arguments = arguments.clone();
    }

    public RejectedInputException(String field, String code, Object... arguments) {
        this(field, code, code + " " + Arrays.toString(arguments), arguments);
    }

    @Override
    public String field() {
        return field;
    }

    /** The message key. */
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
