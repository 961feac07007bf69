package cn.linli.access.internal.crypto;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.Mac;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The two algorithm suites: the JDK's AES-256-GCM with HMAC-SHA256, and the national SM4-GCM with HMAC-SM3
 * (GM/T 0002, GM/T 0004; what GB/T 39786 expects in government systems) from BouncyCastle. The suite also derives
 * its keys with HKDF over its own HMAC, so an SM deployment uses no foreign algorithm at all.
 */
enum CipherSuite {

    AES_GCM("AES-GCM", "AES/GCM/NoPadding", "AES", 32, "HmacSHA256", false),
    SM4_GCM("SM4-GCM", "SM4/GCM/NoPadding", "SM4", 16, "HMACSM3", true);

    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;

    private final String id;
    private final String transformation;
    private final String keyAlgorithm;
    private final int keyBytes;
    private final String mac;
    private final boolean bouncyCastle;

    CipherSuite(String id, String transformation, String keyAlgorithm, int keyBytes, String mac, boolean bouncyCastle) {
        this.id = id;
        this.transformation = transformation;
        this.keyAlgorithm = keyAlgorithm;
        this.keyBytes = keyBytes;
        this.mac = mac;
        this.bouncyCastle = bouncyCastle;
    }

    static CipherSuite byId(String id) {
        return Arrays.stream(values()).filter(suite -> suite.id.equalsIgnoreCase(id == null ? "" : id.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown protection algorithm '" + id
                        + "': use AES-GCM or SM4-GCM"));
    }

    String id() {
        return id;
    }

    String keyAlgorithm() {
        return keyAlgorithm;
    }

    int keyBytes() {
        return keyBytes;
    }

    String macAlgorithm() {
        return mac;
    }

    Cipher cipher() throws GeneralSecurityException {
        return bouncyCastle ? Cipher.getInstance(transformation, provider()) : Cipher.getInstance(transformation);
    }

    Mac mac() throws GeneralSecurityException {
        return bouncyCastle ? Mac.getInstance(mac, provider()) : Mac.getInstance(mac);
    }

    /**
     * BouncyCastle, added to the JVM's providers at run time: editing {@code java.security} would be a step every
     * installation must remember, and a container image would lose it.
     */
    private static synchronized Provider provider() {
        Provider installed = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (installed == null) {
            installed = new BouncyCastleProvider();
            Security.addProvider(installed);
        }
        return installed;
    }
}
