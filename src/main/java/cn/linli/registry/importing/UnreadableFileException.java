package cn.linli.registry.importing;

/** A file that passed the type check but cannot be read through (a damaged archive, an encrypted workbook). */
public class UnreadableFileException extends RuntimeException {

    UnreadableFileException(Throwable cause) {
        super("the file cannot be read: " + cause.getMessage(), cause);
    }
}
