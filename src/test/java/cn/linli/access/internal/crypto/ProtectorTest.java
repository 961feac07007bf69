package cn.linli.access.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.linli.access.PersonalField;
import cn.linli.access.ProtectedValue;
import cn.linli.access.UnreadableProtectedValueException;

/** Both algorithm suites, AES-GCM/HMAC-SHA256 and SM4-GCM/HMAC-SM3, keep the same promises. */
class ProtectorTest {

    static final byte[] KEY_1 = Base64.getDecoder().decode("1YsQuLPx4ihci8zMOP/OWvpkME0FZZULtjIFbsXWR60=");
    static final byte[] KEY_2 = Base64.getDecoder().decode("kF1F/tsscZ/Iw10xnVwfrsBl496kLir57DS/gHNFFro=");
    static final PersonalField ID_NUMBER = new PersonalField("registry.resident.id_number");
    static final PersonalField PHONE = new PersonalField("registry.resident.phone");
    static final String ID = "11010519491231002X";

    static Protector protector(CipherSuite suite, int current) {
        return new Protector(suite, new KeyRing(Map.of(1, KEY_1, 2, KEY_2), current, 1));
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void aProtectedValueRevealsItsPlaintextAndNamesItsAlgorithmAndKey(CipherSuite suite) {
        Protector protector = protector(suite, 1);
        ProtectedValue value = protector.protect(ID_NUMBER, ID);

        assertThat(value.algorithm()).isEqualTo(suite.id());
        assertThat(value.keyVersion()).isEqualTo(1);
        assertThat(value.ciphertext()).doesNotContain(ID);
        assertThat(Base64.getDecoder().decode(value.ciphertext())).hasSize(12 + ID.length() + 16);
        assertThat(protector.reveal(ID_NUMBER, value)).isEqualTo(ID);
        assertThat(protector.reveal(PHONE, protector.protect(PHONE, "张三 ☎ 13812345678"))).isEqualTo("张三 ☎ 13812345678");
        ProtectedValue stored = ProtectedValue.ofStoredText(value.storedText(), value.blindIndex());
        assertThat(protector.reveal(ID_NUMBER, stored)).isEqualTo(ID);
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void everyEncryptionUsesAFreshNonceButTheBlindIndexStaysTheSame(CipherSuite suite) {
        Protector protector = protector(suite, 1);
        Set<String> ciphertexts = new HashSet<>();
        Set<String> nonces = new HashSet<>();
        Set<String> indexes = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ProtectedValue value = protector.protect(ID_NUMBER, ID);
            ciphertexts.add(value.ciphertext());
            nonces.add(value.ciphertext().substring(0, 16));
            indexes.add(value.blindIndex());
        }
        assertThat(ciphertexts).hasSize(200);
        assertThat(nonces).hasSize(200);
        assertThat(indexes).containsExactly(protector.blindIndex(ID_NUMBER, ID));
        assertThat(protector.blindIndex(ID_NUMBER, " 11010519491231002x ")).isEqualTo(protector.blindIndex(ID_NUMBER, ID));
        assertThat(protector.blindIndex(ID_NUMBER, "110105194912310021")).isNotEqualTo(protector.blindIndex(ID_NUMBER, ID));
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void aChangedCiphertextIsDetected(CipherSuite suite) {
        Protector protector = protector(suite, 1);
        ProtectedValue value = protector.protect(ID_NUMBER, ID);
        byte[] bytes = Base64.getDecoder().decode(value.ciphertext());
        for (int i = 0; i < bytes.length; i++) {
            byte[] changed = bytes.clone();
            changed[i] ^= 0x01;
            var tampered = new ProtectedValue(value.algorithm(), 1, Base64.getEncoder().encodeToString(changed), value.blindIndex());
            assertThatThrownBy(() -> protector.reveal(ID_NUMBER, tampered)).as("byte %d", i)
                    .isInstanceOf(UnreadableProtectedValueException.class)
                    .hasMessageNotContaining(ID);
        }
        var truncated = new ProtectedValue(value.algorithm(), 1, Base64.getEncoder().encodeToString(new byte[5]), "x");
        assertThatThrownBy(() -> protector.reveal(ID_NUMBER, truncated)).isInstanceOf(UnreadableProtectedValueException.class);
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void aValueMovedToAnotherFieldDoesNotDecryptAndIndexesDifferPerField(CipherSuite suite) {
        Protector protector = protector(suite, 1);
        ProtectedValue value = protector.protect(ID_NUMBER, ID);

        assertThatThrownBy(() -> protector.reveal(PHONE, value)).isInstanceOf(UnreadableProtectedValueException.class);
        assertThat(protector.blindIndex(PHONE, ID)).isNotEqualTo(protector.blindIndex(ID_NUMBER, ID));
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void rotationReadsOldValuesWithTheirKeyAndKeepsTheBlindIndex(CipherSuite suite) {
        ProtectedValue old = protector(suite, 1).protect(ID_NUMBER, ID);
        Protector rotated = protector(suite, 2);

        assertThat(rotated.needsRotation(old)).isTrue();
        assertThat(rotated.reveal(ID_NUMBER, old)).isEqualTo(ID);
        ProtectedValue renewed = rotated.protect(ID_NUMBER, rotated.reveal(ID_NUMBER, old));
        assertThat(renewed.keyVersion()).isEqualTo(2);
        assertThat(rotated.needsRotation(renewed)).isFalse();
        assertThat(renewed.blindIndex()).isEqualTo(old.blindIndex());
        assertThat(rotated.blindIndex(2, ID_NUMBER, ID)).isNotEqualTo(old.blindIndex());

        var keyGone = new Protector(suite, new KeyRing(Map.of(2, KEY_2), 2, 2));
        assertThatThrownBy(() -> keyGone.reveal(ID_NUMBER, old)).isInstanceOf(UnreadableProtectedValueException.class)
                .hasMessageContaining("version 1");
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void valuesOfTheOtherSuiteStayReadableAndAskForRotation(CipherSuite suite) {
        CipherSuite other = suite == CipherSuite.AES_GCM ? CipherSuite.SM4_GCM : CipherSuite.AES_GCM;
        ProtectedValue before = protector(other, 1).protect(ID_NUMBER, ID);
        Protector now = protector(suite, 1);

        assertThat(now.reveal(ID_NUMBER, before)).isEqualTo(ID);
        assertThat(now.needsRotation(before)).isTrue();
        assertThat(now.blindIndex(ID_NUMBER, ID)).isNotEqualTo(before.blindIndex());
    }
}
