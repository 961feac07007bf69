package cn.linli.access.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The chain hash against an implementation that is not Linli's: the expected values were computed once with
 * OpenSSL (through Python's {@code hashlib.new("sm3")} and {@code hashlib.sha256}) over the canonical text of the same
 * records, so a change to the canonical form or to the digest fails here, and an SM3 chain is checkable by anyone
 * with a standard SM3 tool (GB/T 32905-2016).
 */
class ChainHashTest {

    static final ChainedRecord FIRST = new ChainedRecord(11, 1, 1_764_201_600_000_000L, "yongan", "UNMASKED", "resident:42",
            "field=ID_NUMBER; reason=核实身份");
    static final ChainedRecord SECOND = new ChainedRecord(12, 2, 1_764_201_600_000_001L, "admin", "AUDIT_EXPORTED", "audit",
            "rows=3");

    @Test
    void sm3MatchesTheStandardDigestOfTheCanonicalRecord() {
        String first = ChainHash.SM3.hash(FIRST, null);
        assertThat(first).isEqualTo("SM3:94cdd1be15bc0f92d1a65ffc9b7565c8a4578edae7091ad4ca3561097bd4e6a1");
        assertThat(ChainHash.SM3.hash(SECOND, first))
                .isEqualTo("SM3:4a6efa760e7470bb9192d0b6350746407c3b7aa28abd67c19887939b47b504b1");
    }

    @Test
    void sha256MatchesTheStandardDigestOfTheCanonicalRecord() {
        assertThat(ChainHash.SHA_256.hash(FIRST, null))
                .isEqualTo("SHA-256:59553bdae86db4fd9f53f9dc8ae5a67f9365bd61367abd38e353b694dd4c53f9");
    }

    @Test
    void theNationalSuiteChainsWithSm3AndEveryOtherWithSha256() {
        assertThat(ChainHash.forProtectionAlgorithm("SM4-GCM")).isEqualTo(ChainHash.SM3);
        assertThat(ChainHash.forProtectionAlgorithm(" sm4-gcm ")).isEqualTo(ChainHash.SM3);
        assertThat(ChainHash.forProtectionAlgorithm("AES-GCM")).isEqualTo(ChainHash.SHA_256);
        assertThat(ChainHash.forProtectionAlgorithm(null)).isEqualTo(ChainHash.SHA_256);
    }

    @Test
    void aStoredHashNamesTheAlgorithmThatChecksIt() {
        assertThat(ChainHash.of(ChainHash.SM3.hash(FIRST, null))).contains(ChainHash.SM3);
        assertThat(ChainHash.of(ChainHash.SHA_256.hash(FIRST, null))).contains(ChainHash.SHA_256);
        assertThat(ChainHash.of("MD5:0cc175b9c0f1b6a831c399e269772661")).isEmpty();
        assertThat(ChainHash.of(null)).isEmpty();
    }

    @Test
    void movingTextFromOneFieldToTheNextChangesTheHash() {
        var moved = new ChainedRecord(11, 1, FIRST.occurredAtMicros(), "yongan", "UNMASKEDr", "esident:42", FIRST.detail());
        assertThat(ChainHash.SM3.hash(moved, null)).isNotEqualTo(ChainHash.SM3.hash(FIRST, null));
        assertThat(ChainHash.SM3.hash(FIRST, "")).isNotEqualTo(ChainHash.SM3.hash(FIRST, null));
    }
}
