package cn.linli.casework;

import java.util.Arrays;

/**
 * A case transition that is not allowed: from the case's state, for this user, or with this input. Nothing has been
 * changed when it is thrown. The message key and arguments let the web layer answer in the user's language (409 for
 * a state conflict, 403 for a user who may not act, 400 for bad input, 404 for a case the user may not see).
 */
public class CaseRuleException extends RuntimeException {

    /** What kind of refusal this is, which decides the HTTP status. */
    public enum Kind { CONFLICT, FORBIDDEN, INVALID, NOT_FOUND }

    private final Kind kind;
    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public CaseRuleException(Kind kind, String field, String messageKey, Object... arguments) {
        super(messageKey + " " + Arrays.toString(arguments));
        this.kind = kind;
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public static CaseRuleException conflict(String messageKey, Object... arguments) {
        return new CaseRuleException(Kind.CONFLICT, null, messageKey, arguments);
    }

    public static CaseRuleException forbidden(String messageKey, Object... arguments) {
        return new CaseRuleException(Kind.FORBIDDEN, null, messageKey, arguments);
    }

    public static CaseRuleException invalid(String field, String messageKey, Object... arguments) {
        return new CaseRuleException(Kind.INVALID, field, messageKey, arguments);
    }

    public Kind kind() {
        return kind;
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
