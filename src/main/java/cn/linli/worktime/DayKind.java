package cn.linli.worktime;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the official calendar says about a day that differs from the Monday–Friday week. */
public enum DayKind {

    /** 法定节假日 or a day off of the holiday period: no work, even on a weekday. */
    HOLIDAY("holiday"),
    /** 调休上班: a weekend day worked in exchange for a longer holiday. */
    MAKEUP_WORKDAY("makeup_workday");

    private final String code;

    DayKind(String code) {
        this.code = code;
    }

    /** The word in the calendar file and the API: {@code holiday} or {@code makeup_workday}. */
    public String code() {
        return code;
    }

    public boolean isWorkingDay() {
        return this == MAKEUP_WORKDAY;
    }

    /** The kind named by a file or API word, in any case; empty for an unknown word. */
    public static Optional<DayKind> fromCode(String text) {
        String word = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.code.equals(word)).findFirst();
    }

    /** The message-bundle key of the kind's name. */
    public String labelKey() {
        return "worktime.kind." + code;
    }
}
