package cn.linli.territory;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A territory rule that an input or operation breaks. Carries the input field and a message key with arguments,
 * so the web layer answers in the user's language, and nothing has been changed when it is thrown.
 */
public class TerritoryException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient List<Object> arguments;

    public TerritoryException(String field, String messageKey, Object... arguments) {
        super(messageKey + " " + Arrays.toString(arguments));
        this.field = field;
        this.messageKey = messageKey;
        // A missing input is a null argument, e.g. a coordinate that was not sent; List.of would refuse it.
        this.arguments = Collections.unmodifiableList(Arrays.asList(arguments.clone()));
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
