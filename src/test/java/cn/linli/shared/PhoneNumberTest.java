package cn.linli.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @Test
    void mobileNumbersAreNormalisedToElevenDigits() {
        for (String typed : new String[] {"13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678",
                "+8613812345678", "008613812345678", "8613812345678", "１３８１２３４５６７８"}) {
            PhoneNumber phone = PhoneNumber.parse(typed);
            assertThat(phone.value()).as(typed).isEqualTo("13812345678");
            assertThat(phone.kind()).isEqualTo(PhoneNumber.Kind.MOBILE);
        }
        assertThat(PhoneNumber.parse("13812345678").masked()).isEqualTo("138****5678");
        assertThat(PhoneNumber.parse("19912345678").toString()).isEqualTo("199****5678");
    }

    @Test
    void landlinesKeepTheirAreaCode() {
        PhoneNumber jiamusi = PhoneNumber.parse("0454-8123456");
        assertThat(jiamusi.value()).isEqualTo("04548123456");
        assertThat(jiamusi.kind()).isEqualTo(PhoneNumber.Kind.LANDLINE);
        assertThat(jiamusi.areaCode()).isEqualTo("0454");
        assertThat(jiamusi.formatted()).isEqualTo("0454-8123456");
        assertThat(jiamusi.masked()).isEqualTo("0454-***3456");
        assertThat(PhoneNumber.parse("(0454) 812 3456")).isEqualTo(jiamusi);
        assertThat(PhoneNumber.parse("+86 454 8123456")).isEqualTo(jiamusi);

        PhoneNumber beijing = PhoneNumber.parse("010-65123456");
        assertThat(beijing.areaCode()).isEqualTo("010");
        assertThat(beijing.masked()).isEqualTo("010-****3456");
        assertThat(PhoneNumber.parse("021 6321 1234").areaCode()).isEqualTo("021");
        assertThat(PhoneNumber.parse("0451-86123456").formatted()).isEqualTo("0451-86123456");
    }

    @Test
    void malformedNumbersAreRejectedWithAReason() {
        assertReason("", "empty");
        assertReason(null, "empty");
        assertReason("138-1234-567a", "characters");
        assertReason("1381234567", "mobile");
        assertReason("12812345678", "mobile");
        assertReason("138123456789", "mobile");
        assertReason("8123456", "area-code");
        assertReason("0454-0123456", "landline");
        assertReason("0454-123456", "landline");
        assertReason("0454-812345678", "landline");
        assertReason("0012345678", "landline");
        assertReason("012-81234567", "landline");
    }

    @Test
    void everyGeneratedNumberSurvivesAnyWayOfTypingIt() {
        Random random = new Random(86);
        String[] areas = {"010", "021", "022", "0454", "0451", "0459", "0755"};
        for (int i = 0; i < 5_000; i++) {
            String number;
            String typed;
            if (random.nextBoolean()) {
                number = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
                typed = (random.nextBoolean() ? "+86 " : "") + number.substring(0, 3) + " " + number.substring(3, 7) + "-" + number.substring(7);
            } else {
                String area = areas[random.nextInt(areas.length)];
                String subscriber = (2 + random.nextInt(8)) + String.format("%06d", random.nextInt(1_000_000))
                        + (random.nextBoolean() ? String.valueOf(random.nextInt(10)) : "");
                number = area + subscriber;
                typed = random.nextBoolean() ? area + "-" + subscriber : "+86 " + area.substring(1) + " " + subscriber;
            }
            PhoneNumber phone = PhoneNumber.parse(typed);
            assertThat(phone.value()).as(typed).isEqualTo(number);
            assertThat(phone.masked()).as(typed).endsWith(number.substring(number.length() - 4)).contains("****".substring(0, 3))
                    .doesNotContain(number.substring(number.length() - 8));
        }
    }

    private static void assertReason(String text, String reason) {
        assertThatThrownBy(() -> PhoneNumber.parse(text)).as(text)
                .isInstanceOfSatisfying(InvalidPhoneNumberException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.messageKey()).isEqualTo("shared.phone.invalid." + reason);
                });
    }
}
