package cn.linli.worktime;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The office hours of a working day in the office's time zone: one or more periods, in order, not overlapping
 * (08:30–12:00 and 13:30–17:00 by default, with the lunch break between them).
 */
public record WorkingHours(ZoneId zone, List<Period> periods) {

    public WorkingHours {
        if (zone == null) throw new IllegalArgumentException("working hours need a time zone");
        if (periods == null || periods.isEmpty()) throw new IllegalArgumentException("working hours need at least one period");
        periods = List.copyOf(periods);
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
                throw new IllegalArgumentException("working periods must be in order and not overlap: " + periods);
            }
        }
    }

    /** Typical office hours of Chinese government offices: 08:30–12:00 and 13:30–17:00, Beijing time. */
    public static WorkingHours standard() {
        return of("Asia/Shanghai", List.of("08:30-12:00", "13:30-17:00"));
    }

    /** Working hours from a zone id and periods written {@code HH:mm-HH:mm}. */
    public static WorkingHours of(String zone, List<String> periods) {
        return new WorkingHours(ZoneId.of(zone), periods.stream().map(Period::parse).toList());
    }

    /** The working time of one working day. */
    public Duration dayLength() {
        return periods.stream().map(Period::length).reduce(Duration.ZERO, Duration::plus);
    }

    /** When the office opens on a working day. */
    public LocalTime opening() {
        return periods.get(0).start();
    }

    /** When the office closes on a working day: the end of its last period. */
    public LocalTime closing() {
        return periods.get(periods.size() - 1).end();
    }

    /** One stretch of office time within a day, from {@code start} (inclusive) to {@code end}. */
    public record Period(LocalTime start, LocalTime end) {

        public Period {
            if (start == null || end == null || !start.isBefore(end)) {
                throw new IllegalArgumentException("a working period must start before it ends: " + start + "-" + end);
            }
        }

        static Period parse(String text) {
            String[] parts = text == null ? new String[0] : text.strip().split("\\s*-\\s*");
            try {
                if (parts.length == 2) return new Period(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
            } catch (DateTimeParseException e) {
                // reported below with the whole period
            }
            throw new IllegalArgumentException("a working period is written HH:mm-HH:mm, not '" + text + "'");
        }

        public Duration length() {
            return Duration.between(start, end);
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }
}
