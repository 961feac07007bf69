package cn.linli.open311;

/**
 * An answer to a service's question that the definition does not allow: the question's code and why, so that a page
 * can say it in the resident's language ({@code reason}: required, number, datetime, choice, single, too-long; with
 * {@code value} the offending value or the length limit). Open311 clients get the English description.
 */
public class AnswerRejected extends Open311Rejected {

    private final String attribute;
    private final String reason;
    private final String value;

    AnswerRejected(String attribute, String reason, String value, String description) {
        super(400, description);
        this.attribute = attribute;
        this.reason = reason;
        this.value = value;
    }

    public String attribute() {
        return attribute;
    }

    public String reason() {
        return reason;
    }

    public String value() {
        return value;
    }
}
