package cn.linli.access.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import javax.crypto.Mac;

import org.junit.jupiter.api.Test;

class HkdfTest {

    /** RFC 5869, appendix A.1 (test case 1, HMAC-SHA256). */
    @Test
    void matchesTheRfcTestVector() throws Exception {
        HexFormat hex = HexFormat.of();
        byte[] okm = Hkdf.derive(Mac.getInstance("HmacSHA256"), hex.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                hex.parseHex("000102030405060708090a0b0c"), hex.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);

        assertThat(hex.formatHex(okm)).isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                + "34007208d5b887185865");
    }

    @Test
    void sm3DerivesKeysOfAnyLength() throws Exception {
        byte[] a = Hkdf.derive(CipherSuite.SM4_GCM.mac(), new byte[32], new byte[0], "a".getBytes(), 48);
        byte[] b = Hkdf.derive(CipherSuite.SM4_GCM.mac(), new byte[32], new byte[0], "b".getBytes(), 48);

        assertThat(a).hasSize(48).isNotEqualTo(b);
    }
}
