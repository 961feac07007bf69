package cn.linli.casework;

import java.util.Locale;

/**
 * The rates of casework (standards.md, "Indicators"); {@link #higherIsBetter} decides how a rate enters the score.
 * The last two concern the hotline: requests answered at once at intake (直接答复率, of those received) and, of those,
 * answered from the knowledge base (知识库答复率); no default weight, a city may give them one.
 */
public enum Indicator {
    REGISTRATION(true), DISPATCH(true), ACCURATE_DISPATCH(true), CLOSURE(true), ON_TIME_CLOSURE(true), REWORK(false),
    EXTENSION(false), SATISFACTION(true), ONE_TIME_RESOLUTION(true), IMMEDIATE_ANSWER(true), KNOWLEDGE_ANSWER(true);

    private final boolean higherIsBetter;

    Indicator(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The key in configuration and in the API: {@code on-time-closure}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
