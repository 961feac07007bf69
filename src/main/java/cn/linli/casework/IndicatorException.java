package cn.linli.casework;

/**
 * A refused indicator request: the field at fault and the message key with its arguments, shown in the user's
 * language ({@code i18n/indicators}).
 */
public class IndicatorException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public IndicatorException(String field, String messageKey, Object... arguments) {
        super(messageKey + " (" + field + ")");
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
