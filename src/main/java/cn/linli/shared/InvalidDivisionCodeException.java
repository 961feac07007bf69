package cn.linli.shared;

/** A division code that is not 12 (or, for a grid, 15) digits, or whose digit groups do not nest. */
public class InvalidDivisionCodeException extends IllegalArgumentException {

    private final String code;
    private final String reason;

    public InvalidDivisionCodeException(String code, String reason) {
        super("invalid division code '" + code + "': " + reason);
        this.code = code;
        this.reason = reason;
    }

    public String code() {
        return code;
    }

    /** A message-bundle key suffix: length, structure, grid. */
    public String reason() {
        return reason;
    }
}
