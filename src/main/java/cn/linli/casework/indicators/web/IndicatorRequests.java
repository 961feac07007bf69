package cn.linli.casework.indicators.web;

import java.time.LocalDate;
import java.time.ZoneId;

import cn.linli.casework.IndicatorException;
import cn.linli.casework.IndicatorLevel;
import cn.linli.casework.IndicatorPeriod;

/** Request parameters of the indicator page and API, each refused with its own field and message. */
final class IndicatorRequests {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private IndicatorRequests() {
    }

    static IndicatorPeriod period(String from, String to) {
        return IndicatorPeriod.parse(from, to, LocalDate.now(CITY));
    }

    static IndicatorLevel level(String field, String text, IndicatorLevel otherwise) {
        if (text == null || text.isBlank()) {
            if (otherwise != null) return otherwise;
            throw new IndicatorException(field, "indicators.error.level-missing");
        }
        return IndicatorLevel.parse(text).orElseThrow(() -> new IndicatorException(field, "indicators.error.level", text.strip()));
    }

    static long id(String field, String text) {
        try {
            return Long.parseLong(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IndicatorException(field, "indicators.error.id", text == null ? "" : text.strip());
        }
    }
}
