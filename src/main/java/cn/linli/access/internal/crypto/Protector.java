package cn.linli.access.internal.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import cn.linli.access.PersonalField;
import cn.linli.access.ProtectedValue;
import cn.linli.access.UnreadableProtectedValueException;

/**
 * Encryption, decryption and blind indexes with the configured suite and key ring. A fresh random 96-bit nonce per
 * encryption (the size GCM is defined for; reusing a nonce under one key would break GCM entirely); the field name
 * is the associated data. Used by {@code PersonalDataProtection}, which adds permissions and the audit.
 * <p>
 * Each thread keeps its own cipher, MAC and random generator: an import protects a million values, and looking up a
 * provider (a lock in the JDK and in BouncyCastle) and keying a MAC for every one of them cost more than the
 * encryption itself. The instances are initialised anew for every value, so nothing of one value carries over.
 */
public final class Protector {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private final CipherSuite suite;
    private final KeyRing keys;
    private final ThreadLocal<ThreadInstances> instances = ThreadLocal.withInitial(ThreadInstances::new);

    Protector(CipherSuite suite, KeyRing keys) {
        this.suite = suite;
        this.keys = keys;
    }

    public ProtectedValue protect(PersonalField field, String plaintext) {
        if (plaintext == null) {
            throw new IllegalArgumentException("nothing to protect: the value is null");
        }
        ThreadInstances own = instances.get();
        byte[] nonce = new byte[CipherSuite.NONCE_BYTES];
        own.random.nextBytes(nonce);
        try {
            Cipher cipher = own.cipher(suite);
            cipher.init(Cipher.ENCRYPT_MODE, keys.encryptionKey(suite, keys.currentVersion()),
                    new GCMParameterSpec(CipherSuite.TAG_BITS, nonce));
            cipher.updateAAD(field.name().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return new ProtectedValue(suite.id(), keys.currentVersion(), Base64.getEncoder().encodeToString(stored),
                    blindIndex(field, plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption with " + suite.id() + " failed", e);
        }
    }

    public String reveal(PersonalField field, ProtectedValue value) {
        CipherSuite made;
        try {
            made = CipherSuite.byId(value.algorithm());
        } catch (IllegalArgumentException e) {
            throw new UnreadableProtectedValueException("the value was made with an unknown algorithm", e);
        }
        if (!keys.has(value.keyVersion())) {
            throw new UnreadableProtectedValueException("the value was made with key version " + value.keyVersion()
                    + ", which is not configured", null);
        }
        byte[] stored = Base64.getDecoder().decode(value.ciphertext());
        try {
            Cipher cipher = instances.get().cipher(made);
            cipher.init(Cipher.DECRYPT_MODE, keys.encryptionKey(made, value.keyVersion()),
                    new GCMParameterSpec(CipherSuite.TAG_BITS, stored, 0, CipherSuite.NONCE_BYTES));
            cipher.updateAAD(field.name().getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(stored, CipherSuite.NONCE_BYTES, stored.length - CipherSuite.NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UnreadableProtectedValueException("the value of " + field
                    + " cannot be decrypted: it was changed, belongs to another field, or the key is wrong", e);
        }
    }

    /** The blind index under the configured blind-index key. */
    public String blindIndex(PersonalField field, String plaintext) {
        return blindIndex(keys.blindIndexVersion(), field, plaintext);
    }

    /** The blind index under the key of another version: only for a deliberate re-indexing of all stored values. */
    public String blindIndex(int version, PersonalField field, String plaintext) {
        try {
            Mac mac = instances.get().mac(suite, keys.blindIndexKey(suite, version));
            mac.update(field.name().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] digest = mac.doFinal(normalise(plaintext).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("blind index with " + suite.macAlgorithm() + " failed", e);
        }
    }

    /** True when the value was made with another key version or algorithm than new values get. */
    public boolean needsRotation(ProtectedValue value) {
        return value.keyVersion() != keys.currentVersion() || !suite.id().equals(value.algorithm());
    }

    /** The key version new values are encrypted with. */
    public int currentVersion() {
        return keys.currentVersion();
    }

    public int blindIndexVersion() {
        return keys.blindIndexVersion();
    }

    /**
     * How values are compared: Unicode compatibility forms (full-width digits typed with a Chinese input method),
     * no white space, upper case (the x of an ID number). Callers with a value type pass its canonical form.
     */
    static String normalise(String plaintext) {
        if (plaintext == null) {
            throw new IllegalArgumentException("no blind index for null");
        }
        if (isPlainAscii(plaintext)) {
            return plaintext.toUpperCase(Locale.ROOT);
        }
        return WHITE_SPACE.matcher(Normalizer.normalize(plaintext, Normalizer.Form.NFKC)).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /** Printable ASCII without spaces, as nearly every stored identifier is: NFKC and the white-space rule change nothing. */
    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** One thread's cipher per suite, MAC per suite and key, and random generator for nonces. */
    private static final class ThreadInstances {

        private final SecureRandom random = drbg();
        private final Map<CipherSuite, Cipher> ciphers = new HashMap<>();
        private final Map<SecretKey, Mac> macs = new HashMap<>();

        Cipher cipher(CipherSuite suite) throws GeneralSecurityException {
            Cipher cipher = ciphers.get(suite);
            if (cipher == null) {
                cipher = suite.cipher();
                ciphers.put(suite, cipher);
            }
            return cipher;
        }

        /** A MAC keyed with this key, ready for a new message (doFinal leaves it so). */
        Mac mac(CipherSuite suite, SecretKey key) throws GeneralSecurityException {
            Mac mac = macs.get(key);
            if (mac == null) {
                mac = suite.mac();
                mac.init(key);
                macs.put(key, mac);
            }
            mac.reset();
            return mac;
        }

        /**
         * A deterministic random bit generator of the thread's own (NIST SP 800-90A, seeded from the system): the
         * default generator reads from one source under a JVM-wide lock, which parallel encryption would queue on.
         */
        private static SecureRandom drbg() {
            try {
                return SecureRandom.getInstance("DRBG");
            } catch (java.security.NoSuchAlgorithmException e) {
                return new SecureRandom();
            }
        }
    }
}
