package cn.linli.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;

class IdentityDocumentTest {

    @Test
    void aResidentIdCardIsCheckedAsAnIdNumber() {
        var card = IdentityDocument.parse(DocumentKind.RESIDENT_ID_CARD, "11010519491231002x");

        assertThat(card.number()).isEqualTo("11010519491231002X");
        assertThat(card.idNumber()).map(IdNumber::birthDate).contains(LocalDate.of(1949, 12, 31));
        assertThat(card.masked()).isEqualTo("1101**********002X");
        assertRejected(DocumentKind.RESIDENT_ID_CARD, "110105194912310021", "check-digit");
    }

    @Test
    void residencePermitsCarryTheAreaCodesOfHongKongMacaoAndTaiwan() {
        for (String area : new String[] {"810000", "820000", "830000"}) {
            String number = IdNumbers.of(area, LocalDate.of(1990, 7, 1), 25);
            assertThat(new IdentityDocument(DocumentKind.RESIDENCE_PERMIT, number).masked()).startsWith(area.substring(0, 4));
            assertRejected(DocumentKind.RESIDENT_ID_CARD, number, "kind");
        }
        assertRejected(DocumentKind.RESIDENCE_PERMIT, IdNumbers.of("230804", LocalDate.of(1990, 7, 1), 25), "area");
        String badCheck = IdNumbers.of("810000", LocalDate.of(1990, 7, 1), 25);
        badCheck = badCheck.substring(0, 17) + (badCheck.charAt(17) == '1' ? '2' : '1');
        assertRejected(DocumentKind.RESIDENCE_PERMIT, badCheck, "check-digit");
    }

    @Test
    void hongKongAndMacaoPermitsAreHOrMWithEightOrTenDigits() {
        assertThat(IdentityDocument.parse(DocumentKind.HK_MACAO_TRAVEL_PERMIT, "h12345678").masked()).isEqualTo("H*****678");
        assertThat(new IdentityDocument(DocumentKind.HK_MACAO_TRAVEL_PERMIT, "M1234567890").number()).isEqualTo("M1234567890");
        for (String bad : new String[] {"H1234567", "H123456789", "K12345678", "12345678", "HH2345678"}) {
            assertRejected(DocumentKind.HK_MACAO_TRAVEL_PERMIT, bad, "pattern");
        }
    }

    @Test
    void taiwanPermitsAreEightDigits() {
        assertThat(new IdentityDocument(DocumentKind.TAIWAN_TRAVEL_PERMIT, "01234567").masked()).isEqualTo("0****567");
        assertRejected(DocumentKind.TAIWAN_TRAVEL_PERMIT, "1234567", "pattern");
        assertRejected(DocumentKind.TAIWAN_TRAVEL_PERMIT, "T1234567", "pattern");
    }

    @Test
    void passportsAreLettersAndDigits() {
        assertThat(IdentityDocument.parse(DocumentKind.PASSPORT, " e12345678 ").masked()).isEqualTo("E*****678");
        assertThat(new IdentityDocument(DocumentKind.PASSPORT, "EA1234567").number()).isEqualTo("EA1234567");
        assertThat(new IdentityDocument(DocumentKind.PASSPORT, "G12345678").number()).isEqualTo("G12345678");
        assertRejected(DocumentKind.PASSPORT, "E123", "pattern");
        assertRejected(DocumentKind.PASSPORT, "PASSPORT", "pattern");
        assertRejected(DocumentKind.PASSPORT, "E1234-5678", "pattern");
        assertRejected(DocumentKind.PASSPORT, null, "pattern");
    }

    @Test
    void maskHidesAtLeastHalfOfEveryGeneratedNumber() {
        Random random = new Random(2018);
        for (int i = 0; i < 2_000; i++) {
            String digits = String.format("%08d", random.nextInt(100_000_000));
            for (IdentityDocument document : new IdentityDocument[] {
                    new IdentityDocument(DocumentKind.TAIWAN_TRAVEL_PERMIT, digits),
                    new IdentityDocument(DocumentKind.HK_MACAO_TRAVEL_PERMIT, (random.nextBoolean() ? "H" : "M") + digits),
                    new IdentityDocument(DocumentKind.PASSPORT, "E" + digits)}) {
                String masked = document.masked();
                assertThat(masked).hasSameSizeAs(document.number());
                assertThat(masked.chars().filter(c -> c == '*').count()).isGreaterThanOrEqualTo(document.number().length() / 2);
                assertThat(document.toString()).doesNotContain(document.number());
            }
        }
    }

    private static void assertRejected(DocumentKind kind, String number, String reason) {
        assertThatThrownBy(() -> new IdentityDocument(kind, number)).as(number)
                .isInstanceOfSatisfying(InvalidIdentityDocumentException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.kind()).isIn(kind, DocumentKind.RESIDENT_ID_CARD);
                });
    }
}
