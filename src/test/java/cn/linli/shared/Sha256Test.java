package cn.linli.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The test vectors of FIPS 180-2 (appendix B.1 and the empty message), and text digested as UTF-8. */
class Sha256Test {

    @Test
    void theStandardsVectors() {
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex(new byte[0])).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void textIsDigestedAsUtf8() {
        assertThat(Sha256.of("永安社区")).isEqualTo(Sha256.of("永安社区".getBytes(StandardCharsets.UTF_8)));
        assertThat(Sha256.hex("永安社区")).hasSize(64).isNotEqualTo(Sha256.hex("永安社区".getBytes(StandardCharsets.UTF_16)));
    }
}
