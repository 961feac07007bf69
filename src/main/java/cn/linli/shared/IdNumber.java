package cn.linli.shared;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * A citizen identity number (公民身份号码, GB 11643-1999) as printed on the resident ID card (居民身份证) and on
 * residence permits for Hong Kong, Macao and Taiwan residents: a 6-digit area code (GB/T 2260), the date of birth
 * (8 digits), a 3-digit sequence number (odd for men, even for women) and a check character computed with
 * ISO 7064 MOD 11-2, where 10 is written {@code X}.
 * <p>
 * {@link #toString()} gives the masked form, so a number that slips into a log line or a page is not disclosed;
 * {@link #value()} is the full number for storage (encrypted) and comparison.
 */
public record IdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    /** Nobody alive was born before 1900; earlier dates are typing errors. */
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    /** Province-level codes of GB/T 2260, plus 71 (Taiwan) and 81–83 (residence permits of HK, Macao, Taiwan). */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
            "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
            "64", "65", "71", "81", "82", "83");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public IdNumber {
        if (value == null || value.length() != 18) {
            throw new InvalidIdNumberException("length", "it must have 18 characters");
        }
        value = value.toUpperCase(java.util.Locale.ROOT);
        if (!value.substring(0, 17).chars().allMatch(IdNumber::isDigit)
                || !(isDigit(value.charAt(17)) || value.charAt(17) == 'X')) {
            throw new InvalidIdNumberException("characters", "it must be 17 digits followed by a digit or X");
        }
        if (!PROVINCES.contains(value.substring(0, 2))) {
            throw new InvalidIdNumberException("area", "the area code names no province");
        }
        LocalDate birth = birthDateOf(value);
        if (birth == null || birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(LocalDate.now(CHINA))) {
            throw new InvalidIdNumberException("date", "the date of birth is not a real date between 1900 and today");
        }
        if (checkCharacter(value.substring(0, 17)) != value.charAt(17)) {
            throw new InvalidIdNumberException("check-digit", "the check character is wrong");
        }
    }

    /**
     * Reads a number as people type it: surrounding and inner spaces removed, full-width digits (from Chinese input
     * methods) and a lower-case x accepted.
     */
    public static IdNumber parse(String text) {
        if (text == null) {
            throw new InvalidIdNumberException("length", "it must have 18 characters");
        }
        return new IdNumber(Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", ""));
    }

    /** The check character (ISO 7064 MOD 11-2) for the first 17 digits. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17 || !first17.chars().allMatch(IdNumber::isDigit)) {
            throw new IllegalArgumentException("the check character is computed from 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The 6-digit code (GB/T 2260) of the place where the number was first issued, not where the person lives. */
    public String areaCode() {
        return value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return birthDateOf(value);
    }

    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** The first 4 and last 4 characters, as GB/T 35273 examples and most government pages show a number. */
    public String masked() {
        return value.substring(0, 4) + "*".repeat(10) + value.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static LocalDate birthDateOf(String value) {
        try {
            return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException notADate) {
            return null;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
