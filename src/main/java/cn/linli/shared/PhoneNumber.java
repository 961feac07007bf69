package cn.linli.shared;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * A mainland telephone number: a mobile number (11 digits, 1[3-9]…) or a landline with its area code (0454-8123456;
 * Beijing 010 and the 02x cities have 3-digit area codes, all others 4). Kept as digits only, so that the same
 * number typed in different ways compares (and blind-indexes) equal.
 * <p>
 * {@link #toString()} gives the masked form, so a number that slips into a log line or a page is not disclosed.
 */
public record PhoneNumber(String value) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()]");

    public enum Kind { MOBILE, LANDLINE }

    public PhoneNumber {
        if (value == null || value.isEmpty()) {
            throw new InvalidPhoneNumberException("empty", "no number given");
        }
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidPhoneNumberException("characters", "only digits, spaces, hyphens and a leading +86 are allowed");
        }
        if (value.startsWith("1") && !MOBILE.matcher(value).matches()) {
            throw new InvalidPhoneNumberException("mobile", "a mobile number has 11 digits and starts with 13 to 19");
        }
        if (!value.startsWith("1") && !value.startsWith("0")) {
            throw new InvalidPhoneNumberException("area-code", "a landline number needs its area code, e.g. 0454");
        }
        if (value.startsWith("0") && !isLandline(value)) {
            throw new InvalidPhoneNumberException("landline", "a landline number is an area code and 7 or 8 digits");
        }
    }

    /**
     * Reads a number as people type it: spaces, hyphens and brackets removed, full-width digits accepted, and the
     * country code +86 (or 0086) dropped; a landline written after +86 gets back the leading 0 of its area code.
     */
    public static PhoneNumber parse(String text) {
        if (text == null) {
            throw new InvalidPhoneNumberException("empty", "no number given");
        }
        String digits = SEPARATORS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
        String national = null;
        if (digits.startsWith("+86")) {
            national = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            national = digits.substring(4);
        } else if (digits.length() == 13 && digits.startsWith("861")) {
            national = digits.substring(2);
        }
        // after +86 a landline drops the 0 of its area code: +86 10 … is Beijing, not a mobile number
        if (national != null && !MOBILE.matcher(national).matches() && !national.startsWith("0") && !national.isEmpty()) {
            national = "0" + national;
        }
        return new PhoneNumber(national != null ? national : digits);
    }

    public Kind kind() {
        return value.startsWith("1") ? Kind.MOBILE : Kind.LANDLINE;
    }

    /** The area code with its leading 0 (0454 for Jiamusi), or empty for a mobile number. */
    public String areaCode() {
        return kind() == Kind.MOBILE ? "" : value.substring(0, areaLength(value));
    }

    /** As it is written: 13812345678, or 0454-8123456. */
    public String formatted() {
        return kind() == Kind.MOBILE ? value : areaCode() + "-" + value.substring(areaLength(value));
    }

    /** 138****5678; a landline keeps its area code and the last 4 digits: 0454-***3456. */
    public String masked() {
        if (kind() == Kind.MOBILE) {
            return value.substring(0, 3) + "****" + value.substring(7);
        }
        return areaCode() + "-" + "*".repeat(subscriberLength(value) - 4) + value.substring(value.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }

    /** 010 (Beijing) and 02x (Shanghai, Tianjin, Chongqing, Guangzhou …) have 3 digits; every other area code 4. */
    private static int areaLength(String value) {
        return value.startsWith("01") || value.startsWith("02") ? 3 : 4;
    }

    /** Subscriber numbers have 7 or 8 digits and never start with 0 or 1 (those are prefixes and service numbers). */
    private static boolean isLandline(String value) {
        int subscriber = subscriberLength(value);
        boolean areaCode = value.length() > 4 && value.charAt(1) != '0' && (!value.startsWith("01") || value.startsWith("010"));
        return areaCode && subscriber >= 7 && subscriber <= 8 && value.charAt(areaLength(value)) >= '2';
    }

    private static int subscriberLength(String value) {
        return value.length() - areaLength(value);
    }
}
