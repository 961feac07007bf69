package cn.linli.access.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import cn.linli.access.PersonalDataProtection;
import cn.linli.access.ProtectedValue;
import cn.linli.registry.Registry;
import cn.linli.testing.IntegrationTest;

/**
 * Key rotation: the city moved from key 1 to key 2 (both configured, 2 current); values written under key 1 are
 * re-encrypted with key 2, read the same and are still found through their blind index; a second run has nothing to
 * do; each column's run is audited.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "linli.protection.keys.1=1YsQuLPx4ihci8zMOP/OWvpkME0FZZULtjIFbsXWR60=",
        "linli.protection.keys.2=kF1F/tsscZ/Iw10xnVwfrsBl496kLir57DS/gHNFFro=",
        "linli.protection.current-version=2", "linli.protection.blind-index-version=1"})
class ReEncryptionIT {

    @Autowired ReEncryption reEncryption;
    @Autowired PersonalDataProtection protection;
    @Autowired JdbcClient jdbc;

    /** The protector the city had before the change: key 1 current. */
    static Protector before() {
        return new Protector(CipherSuite.AES_GCM, new KeyRing(Map.of(
                1, Base64.getDecoder().decode("1YsQuLPx4ihci8zMOP/OWvpkME0FZZULtjIFbsXWR60=")), 1, 1));
    }

    @Test
    void valuesUnderTheOldKeyAreReEncryptedWithTheCurrentOneAndStayReadableAndFindable() {
        long residentId = jdbc.sql("select min(id) from registry_resident where phone is not null").query(Long.class).single();
        Stored resident = stored(residentId);
        String document = protection.reveal(Registry.RESIDENT_DOCUMENT, resident.document());
        String phone = protection.reveal(Registry.RESIDENT_PHONE, resident.phone());
        ProtectedValue oldDocument = before().protect(Registry.RESIDENT_DOCUMENT, document);
        ProtectedValue oldPhone = before().protect(Registry.RESIDENT_PHONE, phone);
        jdbc.sql("update registry_resident set document_number = :d, phone = :p where id = :id")
                .param("d", oldDocument.storedText()).param("p", oldPhone.storedText()).param("id", residentId).update();
        assertThat(protection.needsRotation(stored(residentId).document())).isTrue();
        long audited = audited();

        Map<String, Integer> done = reEncryption.run();

        assertThat(done).containsEntry("registry_resident.document_number", 1).containsEntry("registry_resident.phone", 1)
                .containsKeys("registry_household.phone", "casework_case.reporter_phone", "open311_request.email",
                        "portal_subscription.phone");
        Stored after = stored(residentId);
        assertThat(after.document().keyVersion()).isEqualTo(2);
        assertThat(after.phone().keyVersion()).isEqualTo(2);
        assertThat(protection.reveal(Registry.RESIDENT_DOCUMENT, after.document())).isEqualTo(document);
        assertThat(protection.reveal(Registry.RESIDENT_PHONE, after.phone())).isEqualTo(phone);
        assertThat(after.document().blindIndex()).isEqualTo(protection.blindIndex(Registry.RESIDENT_DOCUMENT, document));
        assertThat(audited()).isEqualTo(audited + done.size());
        assertThat(reEncryption.run().values()).as("nothing left on the old key").containsOnly(0);
    }

    private record Stored(ProtectedValue document, ProtectedValue phone) {
    }

    private Stored stored(long id) {
        return jdbc.sql("select document_number, document_index, phone, phone_index from registry_resident where id = :id")
                .param("id", id).query((rs, n) -> new Stored(ProtectedValue.ofStoredText(rs.getString(1), rs.getString(2)),
                        ProtectedValue.ofStoredText(rs.getString(3), rs.getString(4)))).single();
    }

    private long audited() {
        return jdbc.sql("select count(*) from access_audit where action = 'PERSONAL_DATA_REENCRYPTED'").query(Long.class).single();
    }
}
