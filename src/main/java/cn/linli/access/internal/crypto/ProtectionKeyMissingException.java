package cn.linli.access.internal.crypto;

/** Production mode and no usable master key for personal-data protection. */
public class ProtectionKeyMissingException extends IllegalStateException {

    private final String property;

    ProtectionKeyMissingException(String property, String problem) {
        super("Personal-data protection cannot start: " + problem + " (" + property + ")");
        this.property = property;
    }

    /** The configuration property to set, e.g. {@code linli.protection.keys.1}. */
    public String property() {
        return property;
    }
}
