package cn.linli.shared;

/** A telephone number that is neither a mainland mobile number nor a landline with its area code. */
public class InvalidPhoneNumberException extends IllegalArgumentException {

    private final String reason;

    InvalidPhoneNumberException(String reason, String englishMessage) {
        super("invalid phone number: " + englishMessage);
        this.reason = reason;
    }

    /** What is wrong: empty, characters, mobile, landline, area-code. */
    public String reason() {
        return reason;
    }

    /** The message-bundle key ({@code i18n/shared.properties}) of the reason in the user's language. */
    public String messageKey() {
        return "shared.phone.invalid." + reason;
    }
}
