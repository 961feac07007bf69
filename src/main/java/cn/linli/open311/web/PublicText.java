package cn.linli.open311.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Public text from what residents wrote: phone numbers and identity-card numbers that reporters put into descriptions
 * are blanked out digit by digit, since public answers carry no personal data. Runs of seven or more digits (phones,
 * ID numbers, card numbers) and phone numbers written in groups; dates and house numbers stay readable.
 */
final class PublicText {

    private static final Pattern PERSONAL_DIGITS = Pattern.compile(
            "\\d{7,}[Xx]?|1\\d{2}[ -]\\d{4}[ -]\\d{4}|0\\d{2,3}-\\d{7,8}");

    private PublicText() {
    }

    static String redact(String text) {
        if (text == null) return null;
        Matcher m = PERSONAL_DIGITS.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, m.group().replaceAll("[0-9Xx]", "*"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
