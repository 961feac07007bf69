package cn.linli.access.internal.crypto;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF (RFC 5869): extract a pseudorandom key from the master key, then expand it into as many independent keys as
 * there are purposes, each named by its {@code info}. One configured secret per version thus yields an encryption
 * key and a blind-index key that reveal nothing about each other, and a key for one algorithm is never reused with
 * another.
 */
final class Hkdf {

    private Hkdf() {
    }

    static byte[] derive(Mac mac, byte[] inputKey, byte[] salt, byte[] info, int length) throws GeneralSecurityException {
        String algorithm = mac.getAlgorithm();
        mac.init(new SecretKeySpec(salt.length == 0 ? new byte[mac.getMacLength()] : salt, algorithm));
        byte[] pseudorandomKey = mac.doFinal(inputKey);
        mac.init(new SecretKeySpec(pseudorandomKey, algorithm));
        var output = new ByteArrayOutputStream();
        byte[] block = new byte[0];
        for (int counter = 1; output.size() < length; counter++) {
            mac.update(block);
            mac.update(info);
            mac.update((byte) counter);
            block = mac.doFinal();
            output.write(block, 0, block.length);
        }
        return java.util.Arrays.copyOf(output.toByteArray(), length);
    }
}
