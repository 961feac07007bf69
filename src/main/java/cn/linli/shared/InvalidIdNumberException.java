package cn.linli.shared;

/**
 * A resident ID number that is not a GB 11643 number. A wrong check character is reported as wrong, without the
 * expected one: telling it would let anyone complete a guessed number.
 */
public class InvalidIdNumberException extends InvalidIdentityDocumentException {

    InvalidIdNumberException(String reason, String englishMessage) {
        super(DocumentKind.RESIDENT_ID_CARD, reason, englishMessage);
    }
}
