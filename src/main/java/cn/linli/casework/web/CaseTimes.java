package cn.linli.casework.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import cn.linli.casework.Categories;

/** Instants as staff read them: in the city's time, to the minute (the pages' {@code times.of(instant)}). */
public final class CaseTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Categories.CITY_ZONE);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(Categories.CITY_ZONE);

    public String of(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }

    /** The value of a datetime-local input. */
    public String input(Instant instant) {
        return instant == null ? "" : INPUT.format(instant);
    }
}
