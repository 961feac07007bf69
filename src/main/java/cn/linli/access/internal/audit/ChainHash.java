package cn.linli.access.internal.audit;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.bouncycastle.crypto.digests.SM3Digest;

import cn.linli.shared.Sha256;

/**
 * The hash of one audit record in the chain: over its position, time, actor, action, subject, detail and the hash of
 * the record before it. Every field is written with its length first, so that moving text from one field to the next
 * changes the hash. The result names its algorithm ({@code SHA-256:…} or {@code SM3:…}), so a chain stays checkable
 * when an installation switches algorithm.
 */
public enum ChainHash {

    SHA_256("SHA-256"),
    SM3("SM3");

    private final String label;

    ChainHash(String label) {
        this.label = label;
    }

    /** SM3 where personal data is protected with SM4 (the national suite throughout), SHA-256 otherwise. */
    public static ChainHash forProtectionAlgorithm(String protectionAlgorithm) {
        return protectionAlgorithm != null && protectionAlgorithm.strip().toUpperCase(Locale.ROOT).startsWith("SM4") ? SM3 : SHA_256;
    }

    /** The algorithm a stored hash was made with, or empty when the text is no chain hash. */
    static Optional<ChainHash> of(String storedHash) {
        if (storedHash == null) return Optional.empty();
        for (ChainHash hash : values()) {
            if (storedHash.startsWith(hash.label + ":")) return Optional.of(hash);
        }
        return Optional.empty();
    }

    String hash(ChainedRecord record, String previousHash) {
        byte[] bytes = canonical(record, previousHash);
        return label + ":" + HexFormat.of().formatHex(digest(bytes));
    }

    private byte[] digest(byte[] bytes) {
        if (this == SM3) {
            var sm3 = new SM3Digest();
            sm3.update(bytes, 0, bytes.length);
            byte[] out = new byte[sm3.getDigestSize()];
            sm3.doFinal(out, 0);
            return out;
        }
        return Sha256.of(bytes);
    }

    private static byte[] canonical(ChainedRecord record, String previousHash) {
        var text = new StringBuilder();
        for (String field : new String[] {Long.toString(record.position()), Long.toString(record.occurredAtMicros()),
                record.actor(), record.action(), record.subject(), record.detail(), previousHash}) {
            // a missing value is told apart from an empty one
            text.append(field == null ? "-1" : Integer.toString(field.length())).append(':')
                    .append(field == null ? "" : field).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
