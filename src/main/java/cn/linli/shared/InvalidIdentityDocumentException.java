package cn.linli.shared;

/**
 * An identity-document number that breaks its format. The message never contains the number: it is personal data
 * and would end up in logs (PIPL art. 51 asks for measures against leaks, and logs are the usual leak).
 */
public class InvalidIdentityDocumentException extends IllegalArgumentException {

    private final DocumentKind kind;
    private final String reason;

    public InvalidIdentityDocumentException(DocumentKind kind, String reason, String englishMessage) {
        super("invalid " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " number: " + englishMessage);
        this.kind = kind;
        this.reason = reason;
    }

    public DocumentKind kind() {
        return kind;
    }

    /** What is wrong: length, characters, area, date, check-digit, pattern, kind. */
    public String reason() {
        return reason;
    }

    /** The message-bundle key ({@code i18n/shared.properties}) of the reason in the user's language. */
    public String messageKey() {
        return "shared.document.invalid." + reason;
    }
}
