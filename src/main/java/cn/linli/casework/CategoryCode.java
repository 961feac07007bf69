package cn.linli.casework;

import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A category's code: two capital letters for the family (BJ 部件, SJ 事件, FW 社区服务, or a city's own) and two to
 * six digits, e.g. {@code SJ01} (a major class) or {@code SJ0102} (暴露垃圾). The digits of the urban-management
 * classes follow the standard's major class numbers (GB/T 30428.2 / CJ/T 214). A code never changes meaning: cases
 * and other modules refer to categories by it, so it names one category for ever, even after retirement.
 */
public record CategoryCode(@JsonValue String value) implements Comparable<CategoryCode> {

    public static final Pattern FORMAT = Pattern.compile("[A-Z]{2}[0-9]{2,6}");

    public CategoryCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new CategoryException("code", "casework.error.code-format", value == null ? "" : value);
        }
    }

    /** Accepts lower case and surrounding spaces as typed by staff. */
    public static CategoryCode of(String text) {
        return new CategoryCode(text == null ? null : text.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public int compareTo(CategoryCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
