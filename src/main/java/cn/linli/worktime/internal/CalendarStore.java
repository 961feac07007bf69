package cn.linli.worktime.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.linli.worktime.CalendarDay;
import cn.linli.worktime.DayKind;

/** The stored calendar days. Plain update-then-insert, because H2 and PostgreSQL share no upsert syntax. */
@Component
public class CalendarStore {

    private final JdbcClient jdbc;

    CalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CalendarDay> all() {
        return jdbc.sql("select calendar_date, kind, name_en, name_zh from worktime_calendar_day order by calendar_date")
                .query((rs, row) -> new CalendarDay(rs.getObject("calendar_date", LocalDate.class),
                        DayKind.fromCode(rs.getString("kind")).orElseThrow(), rs.getString("name_en"), rs.getString("name_zh")))
                .list();
    }

    public long count() {
        return jdbc.sql("select count(*) from worktime_calendar_day").query(Long.class).single();
    }

    /** Stores the day, replacing what the date had; true when the date was not listed before. */
    public boolean put(CalendarDay day, String actor) {
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        int updated = jdbc.sql("""
                update worktime_calendar_day set kind = :kind, name_en = :en, name_zh = :zh, changed_by = :by, changed_at = :at
                where calendar_date = :date""")
                .params(values(day, actor, now)).update();
        if (updated > 0) return false;
        jdbc.sql("""
                insert into worktime_calendar_day (calendar_date, kind, name_en, name_zh, changed_by, changed_at)
                values (:date, :kind, :en, :zh, :by, :at)""")
                .params(values(day, actor, now)).update();
        return true;
    }

    /** True when the date was listed. */
    public boolean delete(LocalDate date) {
        return jdbc.sql("delete from worktime_calendar_day where calendar_date = :date").param("date", date).update() > 0;
    }

    private static java.util.Map<String, Object> values(CalendarDay day, String actor, OffsetDateTime at) {
        return java.util.Map.of("date", day.date(), "kind", day.kind().code(), "en", day.nameEn(), "zh", day.nameZh(),
                "by", actor, "at", at);
    }
}
