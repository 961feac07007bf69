package cn.linli.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;

class IdNumberTest {

    /** The example printed in GB 11643-1999 itself. */
    private static final String STANDARD_EXAMPLE = "11010519491231002X";

    @Test
    void theStandardsOwnExampleIsValidAndReadable() {
        IdNumber id = IdNumber.parse(STANDARD_EXAMPLE);

        assertThat(id.areaCode()).isEqualTo("110105");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.gender()).isEqualTo(Gender.FEMALE);
        assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    }

    @Test
    void lowerCaseXSpacesAndFullWidthDigitsAreNormalised() {
        assertThat(IdNumber.parse("  11010519491231002x ").value()).isEqualTo(STANDARD_EXAMPLE);
        assertThat(IdNumber.parse("110105 19491231 002X").value()).isEqualTo(STANDARD_EXAMPLE);
        assertThat(IdNumber.parse("１１０１０５１９４９１２３１００２Ｘ").value()).isEqualTo(STANDARD_EXAMPLE);
        assertThat(new IdNumber("11010519491231002x")).isEqualTo(new IdNumber(STANDARD_EXAMPLE));
    }

    @Test
    void oddSequenceIsAManEvenAWoman() {
        assertThat(new IdNumber(IdNumbers.of("230804", LocalDate.of(1980, 5, 17), 131)).gender()).isEqualTo(Gender.MALE);
        assertThat(new IdNumber(IdNumbers.of("230804", LocalDate.of(1980, 5, 17), 130)).gender()).isEqualTo(Gender.FEMALE);
    }

    @Test
    void maskKeepsTheFirstAndLastFourAndToStringNeverShowsTheNumber() {
        IdNumber id = new IdNumber(IdNumbers.of("230804", LocalDate.of(1975, 3, 8), 123));

        assertThat(id.masked()).isEqualTo("2308**********" + id.value().substring(14)).hasSize(18);
        assertThat(id.toString()).isEqualTo(id.masked()).doesNotContain("19750308");
    }

    @Test
    void wrongLengthIsRejectedAsLength() {
        assertReason("1101051949123100", "length");
        assertReason("11010519491231002X1", "length");
        assertReason(null, "length");
        assertReason("", "length");
    }

    @Test
    void lettersInsideTheNumberAreRejectedAsCharacters() {
        assertReason("1101051949A231002X", "characters");
        assertReason("11010519491231002Y", "characters");
        assertReason("X10105194912310021", "characters");
    }

    @Test
    void anUnknownProvinceIsRejectedAsArea() {
        assertReason(IdNumbers.of("990105", LocalDate.of(1980, 1, 1), 1), "area");
        assertReason(IdNumbers.of("000000", LocalDate.of(1980, 1, 1), 1), "area");
    }

    @Test
    void impossibleFutureAndAncientDatesAreRejectedAsDate() {
        assertReason(withCheck("23080419800230123"), "date");
        assertReason(withCheck("23080419811301123"), "date");
        assertReason(withCheck("23080418991231123"), "date");
        assertReason(IdNumbers.of("230804", LocalDate.now().plusDays(2), 1), "date");
        assertThat(new IdNumber(IdNumbers.of("230804", LocalDate.of(1900, 1, 1), 1)).birthDate()).isEqualTo("1900-01-01");
        assertThat(new IdNumber(IdNumbers.of("230804", LocalDate.of(2000, 2, 29), 1)).birthDate()).isEqualTo("2000-02-29");
    }

    @Test
    void aWrongCheckCharacterIsRejectedWithoutSayingTheRightOne() {
        assertThatThrownBy(() -> IdNumber.parse("110105194912310021"))
                .isInstanceOfSatisfying(InvalidIdNumberException.class, e -> {
                    assertThat(e.reason()).isEqualTo("check-digit");
                    assertThat(e.messageKey()).isEqualTo("shared.document.invalid.check-digit");
                    assertThat(e.kind()).isEqualTo(DocumentKind.RESIDENT_ID_CARD);
                })
                .hasMessageContaining("check character is wrong")
                .hasMessageNotContaining("X")
                .hasMessageNotContaining("110105");
    }

    @Test
    void everyGeneratedNumberIsValidAndReadsBackItsParts() {
        Random random = new Random(11643);
        for (int i = 0; i < 5_000; i++) {
            String text = IdNumbers.random(random);
            IdNumber id = IdNumber.parse(text.toLowerCase());
            assertThat(id.value()).isEqualTo(text);
            assertThat(id.birthDate().toString().replace("-", "")).isEqualTo(text.substring(6, 14));
            assertThat(id.gender()).isEqualTo((text.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE);
            assertThat(id.masked()).startsWith(text.substring(0, 4)).endsWith(text.substring(14)).contains("**********");
        }
    }

    @Test
    void everySingleDigitTypoAndEveryNeighbourSwapIsCaught() {
        Random random = new Random(7064);
        for (int n = 0; n < 300; n++) {
            String valid = IdNumbers.random(random);
            for (int i = 0; i < 17; i++) {
                for (char d = '0'; d <= '9'; d++) {
                    if (d != valid.charAt(i)) {
                        assertInvalid(valid.substring(0, i) + d + valid.substring(i + 1));
                    }
                }
                // MOD 11-2 detects every transposition of two different neighbours
                if (i < 16 && valid.charAt(i) != valid.charAt(i + 1)) {
                    assertInvalid(valid.substring(0, i) + valid.charAt(i + 1) + valid.charAt(i) + valid.substring(i + 2));
                }
            }
        }
    }

    private static void assertInvalid(String text) {
        assertThatThrownBy(() -> new IdNumber(text)).as(text).isInstanceOf(InvalidIdNumberException.class);
    }

    private static String withCheck(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }

    private static void assertReason(String text, String reason) {
        assertThatThrownBy(() -> IdNumber.parse(text)).as(text)
                .isInstanceOfSatisfying(InvalidIdNumberException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
