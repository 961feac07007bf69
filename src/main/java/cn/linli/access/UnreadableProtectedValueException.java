package cn.linli.access;

/**
 * A protected value that cannot be decrypted: changed in the database, moved from another field, or made with a key
 * or algorithm that this installation does not have. Says nothing about the content.
 */
public class UnreadableProtectedValueException extends IllegalStateException {

    public UnreadableProtectedValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
