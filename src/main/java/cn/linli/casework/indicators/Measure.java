package cn.linli.casework.indicators;

import java.util.Locale;

/** What the rollup counts per subject and day; the order is the order of {@link cn.linli.casework.IndicatorCounts}. */
enum Measure {
    RECEIVED, REGISTERED, DISPATCHED, DISPATCHES, RETURNS, DUE, DUE_CLOSED, DUE_ON_TIME, CLOSED, ONE_TIME_CLOSED,
    REWORKS, EXTENSIONS, VISITS, SATISFIED, HANDLED, HANDLING_MINUTES, ANSWERED, KNOWLEDGE_ANSWERED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
