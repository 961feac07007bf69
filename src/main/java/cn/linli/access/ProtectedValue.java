package cn.linli.access;

import java.util.Base64;

/**
 * A personal value as it is stored: the ciphertext (Base64 of the 96-bit nonce followed by the GCM output), the
 * algorithm and key version that made it, so that it can still be read after the configuration or the key changes,
 * and the blind index (a keyed hash of the normalised value) for exact search without decryption.
 *
 * @param algorithm  {@code AES-GCM} or {@code SM4-GCM}
 * @param keyVersion the master-key version ({@code linli.protection.keys.<version>})
 */
public record ProtectedValue(String algorithm, int keyVersion, String ciphertext, String blindIndex) {

    private static final char SEPARATOR = ':';

    public ProtectedValue {
        if (algorithm == null || algorithm.isBlank() || algorithm.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("a protected value names its algorithm");
        }
        if (keyVersion < 1) {
            throw new IllegalArgumentException("key versions start at 1");
        }
        if (ciphertext == null || ciphertext.isEmpty()) {
            throw new IllegalArgumentException("a protected value has a ciphertext");
        }
        Base64.getDecoder().decode(ciphertext);
        if (blindIndex == null || blindIndex.isEmpty()) {
            throw new IllegalArgumentException("a protected value has a blind index");
        }
    }

    /** One text for one column: {@code AES-GCM:1:<Base64>}. The blind index goes into a column of its own. */
    public String storedText() {
        return algorithm + SEPARATOR + keyVersion + SEPARATOR + ciphertext;
    }

    /** Reads {@link #storedText()} back, with the blind index from its own column. */
    public static ProtectedValue ofStoredText(String storedText, String blindIndex) {
        String[] parts = storedText == null ? new String[0] : storedText.split(String.valueOf(SEPARATOR), 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a stored protected value (algorithm:version:ciphertext)");
        }
        try {
            return new ProtectedValue(parts[0], Integer.parseInt(parts[1]), parts[2], blindIndex);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a stored protected value: the key version is not a number", e);
        }
    }
}
