package cn.linli.access.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys by version, and the keys derived from them. Encryption uses the current version for new values
 * and the stored version for old ones, so a new key can be introduced while old values are re-encrypted at leisure.
 * <p>
 * The blind-index key comes from one fixed version ({@code linli.protection.blind-index-version}) and does not
 * follow the current version: every index in every table would have to be recomputed the moment it changed, or
 * searches would silently find nothing. Changing it is a deliberate migration (see
 * {@code PersonalDataProtection.reindex}).
 */
final class KeyRing {

    private static final byte[] SALT = "linli-personal-data-protection".getBytes(StandardCharsets.UTF_8);

    private final Map<Integer, byte[]> masters;
    private final int currentVersion;
    private final int blindIndexVersion;
    private final Map<String, SecretKey> derived = new ConcurrentHashMap<>();

    KeyRing(Map<Integer, byte[]> masters, int currentVersion, int blindIndexVersion) {
        this.masters = Map.copyOf(masters);
        this.currentVersion = currentVersion;
        this.blindIndexVersion = blindIndexVersion;
        if (!this.masters.containsKey(currentVersion) || !this.masters.containsKey(blindIndexVersion)) {
            throw new IllegalArgumentException("the key ring lacks the current or the blind-index version");
        }
    }

    int currentVersion() {
        return currentVersion;
    }

    int blindIndexVersion() {
        return blindIndexVersion;
    }

    boolean has(int version) {
        return masters.containsKey(version);
    }

    SecretKey encryptionKey(CipherSuite suite, int version) {
        return derive(suite, version, "encryption", suite.keyBytes(), suite.keyAlgorithm());
    }

    SecretKey blindIndexKey(CipherSuite suite, int version) {
        return derive(suite, version, "blind-index", 32, suite.macAlgorithm());
    }

    private SecretKey derive(CipherSuite suite, int version, String purpose, int length, String algorithm) {
        byte[] master = masters.get(version);
        if (master == null) {
            throw new IllegalStateException("no key of version " + version + " is configured (linli.protection.keys."
                    + version + ")");
        }
        String info = "linli/" + purpose + "/" + suite.id() + "/v" + version;
        return derived.computeIfAbsent(info, name -> {
            try {
                return new SecretKeySpec(Hkdf.derive(suite.mac(), master, SALT, name.getBytes(StandardCharsets.UTF_8),
                        length), algorithm);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot derive the " + purpose + " key for " + suite.id(), e);
            }
        });
    }
}
