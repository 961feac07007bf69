package cn.linli.access;

/** An unmask or a read of sensitive information without a stated reason: PIPL asks for a specific purpose. */
public class MissingReasonException extends RejectedAccessInput {

    MissingReasonException(String field, String code, String englishMessage, Object... arguments) {
        super(field, code, englishMessage, arguments);
    }
}
