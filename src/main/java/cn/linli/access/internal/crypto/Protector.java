package cn.linli.access.internal.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Locale;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;

import cn.linli.access.PersonalField;
import cn.linli.access.ProtectedValue;
import cn.linli.access.UnreadableProtectedValueException;

/**
 * Encryption, decryption and blind indexes with the configured suite and key ring. A fresh random 96-bit nonce per
 * encryption (the size GCM is defined for; reusing a nonce under one key would break GCM entirely); the field name
 * is the associated data. Used by {@code PersonalDataProtection}, which adds permissions and the audit.
 */
public final class Protector {

    private final CipherSuite suite;
    private final KeyRing keys;
    private final SecureRandom random = new SecureRandom();

    Protector(CipherSuite suite, KeyRing keys) {
        this.suite = suite;
        this.keys = keys;
    }

    public ProtectedValue protect(PersonalField field, String plaintext) {
        if (plaintext == null) {
            throw new IllegalArgumentException("nothing to protect: the value is null");
        }
        byte[] nonce = new byte[CipherSuite.NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = suite.cipher();
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
            Cipher cipher = made.cipher();
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
            Mac mac = suite.mac();
            mac.init(keys.blindIndexKey(suite, version));
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
        return Normalizer.normalize(plaintext, Normalizer.Form.NFKC).replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
