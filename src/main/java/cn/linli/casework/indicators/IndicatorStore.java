package cn.linli.casework.indicators;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.linli.casework.CaseAction;
import cn.linli.casework.CaseState;
import cn.linli.casework.Satisfaction;

/** The rollup's tables: the per-case track, the day counters, and what the fold reads from the case and its history. */
@Repository
class IndicatorStore {

    private static final String SET_INCREMENTS = Arrays.stream(Measure.values())
            .map(m -> m.column() + " = " + m.column() + " + :" + m.column()).collect(Collectors.joining(", "));

    private final JdbcClient jdbc;

    IndicatorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises the folding of one case (two events of a case may be delivered at once). */
    boolean lockCase(long caseId) {
        return jdbc.sql("select id from casework_case where id = :id for update").param("id", caseId).query(Long.class).optional().isPresent();
    }

    Optional<CaseFold.Facts> facts(long caseId) {
        return jdbc.sql("""
                select grid_id, community_id, township_id, county_id, category_code, urgent, received_at, satisfaction
                from casework_case where id = :id""").param("id", caseId).query((rs, n) -> {
            Set<Long> areas = new LinkedHashSet<>();
            for (String column : List.of("grid_id", "community_id", "township_id", "county_id")) {
                Long area = rs.getObject(column, Long.class);
                if (area != null) areas.add(area);
            }
            String satisfaction = rs.getString("satisfaction");
            return new CaseFold.Facts(areas, rs.getString("category_code"), rs.getBoolean("urgent"), instant(rs, "received_at"),
                    satisfaction == null ? null : Satisfaction.valueOf(satisfaction));
        }).optional();
    }

    List<CaseFold.Line> lines(long caseId, long afterId) {
        return jdbc.sql("""
                select id, action, from_state, to_state, unit_id, actor, at, new_deadline from casework_case_history
                where case_id = :case and id > :after order by id""").param("case", caseId).param("after", afterId)
                .query((rs, n) -> new CaseFold.Line(rs.getLong("id"), CaseAction.valueOf(rs.getString("action")),
                        state(rs.getString("from_state")), CaseState.valueOf(rs.getString("to_state")),
                        rs.getObject("unit_id", Long.class), rs.getString("actor"), instant(rs, "at"),
                        rs.getString("action").equals(CaseAction.APPROVE_EXTENSION.name()) ? instant(rs, "new_deadline") : null))
                .list();
    }

    Optional<Track> track(long caseId) {
        return jdbc.sql("select * from casework_indicator_case where case_id = :id").param("id", caseId).query((rs, n) -> {
            Track t = new Track(caseId);
            t.lastHistoryId = rs.getLong("last_history_id");
            t.workerId = rs.getObject("worker_id", Long.class);
            t.unitId = rs.getObject("unit_id", Long.class);
            t.acceptedAt = instant(rs, "accepted_at");
            t.dueAt = instant(rs, "due_at");
            t.resultAt = instant(rs, "result_at");
            t.bookedDay = rs.getObject("booked_day", LocalDate.class);
            t.bookedUnit = rs.getObject("booked_unit", Long.class);
            t.returned = rs.getBoolean("returned");
            t.reworked = rs.getBoolean("reworked");
            t.extended = rs.getBoolean("extended");
            return t;
        }).optional();
    }

    void save(Track t) {
        jdbc.sql("delete from casework_indicator_case where case_id = :id").param("id", t.caseId).update();
        jdbc.sql("""
                insert into casework_indicator_case (case_id, last_history_id, worker_id, unit_id, accepted_at, due_at,
                    result_at, booked_day, booked_unit, returned, reworked, extended)
                values (:id, :last, :worker, :unit, :accepted, :due, :result, :booked, :bookedUnit, :returned, :reworked, :extended)""")
                .param("id", t.caseId).param("last", t.lastHistoryId).param("worker", t.workerId).param("unit", t.unitId)
                .param("accepted", utc(t.acceptedAt)).param("due", utc(t.dueAt)).param("result", utc(t.resultAt))
                .param("booked", t.bookedDay).param("bookedUnit", t.bookedUnit).param("returned", t.returned)
                .param("reworked", t.reworked).param("extended", t.extended)
                .update();
    }

    /** Adds the deltas to the day counters, creating rows as needed, in key order. */
    void add(Deltas deltas) {
        for (Map.Entry<Deltas.Key, long[]> row : deltas.rows().entrySet()) {
            Deltas.Key key = row.getKey();
            jdbc.sql("insert into casework_indicator_day (subject, subject_id, on_day) values (:s, :id, :day) on conflict do nothing")
                    .param("s", String.valueOf(key.subject())).param("id", key.id()).param("day", key.day()).update();
            JdbcClient.StatementSpec update = jdbc.sql("update casework_indicator_day set " + SET_INCREMENTS
                    + " where subject = :s and subject_id = :id and on_day = :day")
                    .param("s", String.valueOf(key.subject())).param("id", key.id()).param("day", key.day());
            for (Measure m : Measure.values()) update = update.param(m.column(), row.getValue()[m.ordinal()]);
            update.update();
        }
    }

    void clearDays(LocalDate from, LocalDate to) {
        jdbc.sql("delete from casework_indicator_day where on_day between :from and :to").param("from", from).param("to", to).update();
    }

    /** The cases a rebuild up to {@code to} must fold: every case received by the end of that day. */
    List<Long> casesReceivedBy(Instant end) {
        return jdbc.sql("select id from casework_case where received_at < :end order by id").param("end", utc(end))
                .query(Long.class).list();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static CaseState state(String name) {
        return name == null ? null : CaseState.valueOf(name);
    }
}
