package cn.linli.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the digest behind every fingerprint Linli stores: file contents, the hashes of API keys and scrape tokens,
 * Open311 request bodies and the audit chain. Text is digested as UTF-8.
 */
public final class Sha256 {

    private Sha256() {
    }

    public static byte[] of(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException everyJavaRuntimeHasIt) {
            throw new IllegalStateException(everyJavaRuntimeHasIt);
        }
    }

    public static byte[] of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest in lower-case hexadecimal (64 characters). */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(of(bytes));
    }

    /** The digest of the text in lower-case hexadecimal (64 characters). */
    public static String hex(String text) {
        return HexFormat.of().formatHex(of(text));
    }
}
