package cn.linli.worktime.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code linli.worktime}: the office's time zone and working periods ({@code HH:mm-HH:mm}). Configurable because
 * offices differ: some keep summer hours (e.g. 08:30–12:00 and 14:30–17:30 from May to September), some a shorter
 * lunch break.
 */
@ConfigurationProperties("linli.worktime")
record WorktimeSettings(String zone, List<String> periods) {

    WorktimeSettings {
        zone = zone == null || zone.isBlank() ? "Asia/Shanghai" : zone.strip();
        periods = periods == null || periods.isEmpty() ? List.of("08:30-12:00", "13:30-17:00") : List.copyOf(periods);
    }
}
