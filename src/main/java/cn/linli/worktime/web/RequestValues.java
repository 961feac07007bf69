package cn.linli.worktime.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.springframework.web.multipart.MultipartFile;

import cn.linli.worktime.CalendarDay;
import cn.linli.worktime.DayKind;
import cn.linli.worktime.RejectedTimeInput;
import cn.linli.worktime.TimeLimit;
import cn.linli.worktime.TimeLimitUnit;

/** Parses request parameters into values, failing with the field name and a reason the user can read. */
final class RequestValues {

    private RequestValues() {
    }

    static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new RejectedTimeInput(field, "worktime.error.date", value == null ? "" : value);
        }
    }

    static int year(String value, int fallback) {
        if (value == null || value.isBlank()) return fallback;
        try {
            int year = Integer.parseInt(value.strip());
            if (year >= CalendarDay.FIRST_YEAR && year <= CalendarDay.LAST_YEAR) return year;
        } catch (NumberFormatException e) {
            // reported below with the field name
        }
        throw new RejectedTimeInput("year", "worktime.error.year", value, CalendarDay.FIRST_YEAR, CalendarDay.LAST_YEAR);
    }

    /**
     * An instant with an offset ({@code 2026-09-28T09:00:00+08:00}, {@code ...Z}) or a local date and time in the
     * office's zone. A '+' in a query string that was not percent-encoded arrives as a space, so a space before
     * the offset is read as '+'.
     */
    static Instant instant(String field, String value, ZoneId zone) {
        String text = value == null ? "" : value.strip().replace(' ', '+');
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException again) {
                throw new RejectedTimeInput(field, "worktime.error.instant", value == null ? "" : value);
            }
        }
    }

    static TimeLimit limit(String amount, String unit) {
        TimeLimitUnit parsedUnit = TimeLimitUnit.fromCode(unit)
                .orElseThrow(() -> new RejectedTimeInput("unit", "worktime.error.unit", unit == null ? "" : unit));
        try {
            return new TimeLimit(Long.parseLong(amount == null ? "" : amount.strip()), parsedUnit);
        } catch (NumberFormatException e) {
            throw new RejectedTimeInput("limit", "worktime.error.limit-number", amount == null ? "" : amount);
        }
    }

    static TimeLimitUnit unit(String unit) {
        return TimeLimitUnit.fromCode(unit)
                .orElseThrow(() -> new RejectedTimeInput("unit", "worktime.error.unit", unit == null ? "" : unit));
    }

    static DayKind kind(String value) {
        return DayKind.fromCode(value).orElseThrow(() -> new RejectedTimeInput("kind", "worktime.error.kind", value == null ? "" : value));
    }

    static byte[] file(MultipartFile file) {
        if (file == null || file.isEmpty()) throw new RejectedTimeInput("file", "worktime.error.file-missing");
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
