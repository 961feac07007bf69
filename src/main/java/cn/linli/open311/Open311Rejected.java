package cn.linli.open311;

/**
 * A request the Open311 interface refuses, with the HTTP status the specification gives (400, 403, 404, and 429 for
 * a key over its limit) and a description for the client's developers, in English as the specification's examples
 * are. Nothing was stored.
 */
public class Open311Rejected extends RuntimeException {

    private final int status;

    public Open311Rejected(int status, String description) {
        super(description);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public String description() {
        return getMessage();
    }
}
