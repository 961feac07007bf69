package cn.linli.registry;

import java.time.LocalDate;
import java.time.ZoneId;

import cn.linli.shared.InvalidPhoneNumberException;
import cn.linli.shared.PhoneNumber;

/** Checks shared by the registry's input records; each failure names the field and the message key. */
final class Check {

    static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    private Check() {
    }

    static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new RejectedRegistryInput(field, "registry.error.required");
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > max) {
            throw new RejectedRegistryInput(field, "registry.error.too-long", max);
        }
        return stripped;
    }

    static String optionalText(String value, String field, int max) {
        return value == null || value.isBlank() ? null : text(value, field, max);
    }

    static <T> T required(T value, String field) {
        if (value == null) throw new RejectedRegistryInput(field, "registry.error.required");
        return value;
    }

    static int range(int value, String field, int min, int max) {
        if (value < min || value > max) throw new RejectedRegistryInput(field, "registry.error.range", min, max);
        return value;
    }

    /** Registry dates record what happened; a date after today is a typing error or a plan, neither belongs here. */
    static LocalDate pastOrToday(LocalDate date, String field) {
        required(date, field);
        if (date.isAfter(LocalDate.now(CITY_ZONE))) throw new RejectedRegistryInput(field, "registry.error.future-date", date);
        return date;
    }

    /** The phone number in its normal form (digits only), or null when none was given. */
    static String phone(String text, String field) {
        if (text == null || text.isBlank()) return null;
        try {
            return PhoneNumber.parse(text).value();
        } catch (InvalidPhoneNumberException e) {
            throw new RejectedRegistryInput(field, e.messageKey());
        }
    }
}
