package cn.linli.casework.indicators;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.linli.casework.CaseAction;
import cn.linli.casework.CaseState;
import cn.linli.casework.Satisfaction;

/**
 * The rollup's tables: the queue of cases to fold, the per-case track, the day counters, and what the fold reads
 * from the case and its history. The batch methods read and write many cases in a few statements.
 */
@Repository
class IndicatorStore {

    private static final String ADD_INCREMENTS = "update casework_indicator_day set " + Arrays.stream(Measure.values())
            .map(m -> m.column() + " = " + m.column() + " + ?").collect(Collectors.joining(", "))
            + " where subject = ? and subject_id = ? and on_day = ?";
    private static final int[] KEY_TYPES = {Types.CHAR, Types.BIGINT, Types.DATE};
    private static final int[] INCREMENT_TYPES = incrementTypes();
    private static final String FACTS = """
            select id, grid_id, community_id, township_id, county_id, category_code, urgent, received_at, satisfaction,
                exists (select 1 from casework_knowledge_answer k where k.case_id = casework_case.id) as knowledge_answer
            from casework_case""";
    private static final String LINES = "select h.id, h.case_id, h.action, h.from_state, h.to_state, h.unit_id, h.actor, h.at,"
            + " h.new_deadline from casework_case_history h";
    private static final String INSERT_TRACK = """
            insert into casework_indicator_case (case_id, last_history_id, worker_id, unit_id, accepted_at, due_at,
                result_at, booked_day, booked_unit, returned, reworked, extended)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final int[] TRACK_TYPES = {Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.TIMESTAMP_WITH_TIMEZONE,
            Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE, Types.DATE, Types.BIGINT, Types.BOOLEAN, Types.BOOLEAN,
            Types.BOOLEAN};
    /** Cases per IN list. */
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    IndicatorStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    private static int[] incrementTypes() {
        int[] types = new int[Measure.values().length + 3];
        Arrays.fill(types, Types.BIGINT);
        types[types.length - 3] = Types.CHAR;
        types[types.length - 1] = Types.DATE;
        return types;
    }

    /** A queued case: one row per transition of the case that the rollup has still to fold. */
    record Due(long id, long caseId) {
    }

    /**
     * Takes the drainer's lock for the transaction: one instance folds at a time, so no case is folded twice at once
     * and the rollup rows are written by one transaction at a time. {@code wait} false: give up if another holds it.
     */
    boolean lockDrain(boolean wait) {
        return jdbc.sql("select id from casework_indicator_drain where id = 1 for update" + (wait ? "" : " skip locked"))
                .query(Integer.class).optional().isPresent();
    }

    /** The oldest queued rows; rows of transitions not yet committed are not seen and stay for a later drain. */
    List<Due> due(int limit) {
        return jdbc.sql("select id, case_id from casework_indicator_due order by id limit :n").param("n", limit)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2))).list();
    }

    /** Removes exactly the rows that were folded (not "up to an id": a lower id may commit later). */
    void dequeue(List<Due> done) {
        for (List<Long> chunk : chunks(done.stream().map(Due::id).toList())) {
            jdbc.sql("delete from casework_indicator_due where id in (:ids)").param("ids", chunk).update();
        }
    }

    long queued() {
        return jdbc.sql("select count(*) from casework_indicator_due").query(Long.class).single();
    }

    Map<Long, Track> tracks(Collection<Long> caseIds) {
        Map<Long, Track> found = new HashMap<>();
        for (List<Long> chunk : chunks(caseIds)) {
            jdbc.sql("select * from casework_indicator_case where case_id in (:ids)").param("ids", chunk)
                    .query((rs, n) -> track(rs)).list().forEach(t -> found.put(t.caseId, t));
        }
        return found;
    }

    Map<Long, CaseFold.Facts> facts(Collection<Long> caseIds) {
        Map<Long, CaseFold.Facts> found = new HashMap<>();
        for (List<Long> chunk : chunks(caseIds)) {
            jdbc.sql(FACTS + " where id in (:ids)").param("ids", chunk)
                    .query((rs, n) -> Map.entry(rs.getLong("id"), facts(rs))).list().forEach(e -> found.put(e.getKey(), e.getValue()));
        }
        return found;
    }

    /** The lines of the cases after each case's last folded line, in order per case. */
    Map<Long, List<CaseFold.Line>> lines(Collection<Long> caseIds) {
        Map<Long, List<CaseFold.Line>> found = new HashMap<>();
        for (List<Long> chunk : chunks(caseIds)) {
            jdbc.sql(LINES + """
                     where h.case_id in (:ids) and h.id > coalesce(
                        (select t.last_history_id from casework_indicator_case t where t.case_id = h.case_id), 0)
                    order by h.case_id, h.id""").param("ids", chunk)
                    .query((rs, n) -> Map.entry(rs.getLong("case_id"), line(rs))).list()
                    .forEach(e -> found.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        return found;
    }

    /** Saves the tracks: the rows of these cases replaced in two statements. */
    void saveAll(Collection<Track> tracks) {
        if (tracks.isEmpty()) return;
        for (List<Long> chunk : chunks(tracks.stream().map(t -> t.caseId).toList())) {
            jdbc.sql("delete from casework_indicator_case where case_id in (:ids)").param("ids", chunk).update();
        }
        batch.batchUpdate(INSERT_TRACK, tracks.stream().map(IndicatorStore::trackRow).toList(), TRACK_TYPES);
    }

    private static <T> List<List<T>> chunks(Collection<T> items) {
        List<T> all = List.copyOf(items);
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        return chunks;
    }

    Optional<CaseFold.Facts> facts(long caseId) {
        return jdbc.sql(FACTS + " where id = :id").param("id", caseId).query((rs, n) -> facts(rs)).optional();
    }

    private static CaseFold.Facts facts(ResultSet rs) throws SQLException {
        Set<Long> areas = new LinkedHashSet<>();
        for (String column : List.of("grid_id", "community_id", "township_id", "county_id")) {
            Long area = rs.getObject(column, Long.class);
            if (area != null) areas.add(area);
        }
        String satisfaction = rs.getString("satisfaction");
        return new CaseFold.Facts(areas, rs.getString("category_code"), rs.getBoolean("urgent"), instant(rs, "received_at"),
                satisfaction == null ? null : Satisfaction.valueOf(satisfaction), rs.getBoolean("knowledge_answer"));
    }

    List<CaseFold.Line> lines(long caseId, long afterId) {
        return jdbc.sql(LINES + " where h.case_id = :case and h.id > :after order by h.id").param("case", caseId).param("after", afterId)
                .query((rs, n) -> line(rs)).list();
    }

    private static CaseFold.Line line(ResultSet rs) throws SQLException {
        return new CaseFold.Line(rs.getLong("id"), CaseAction.valueOf(rs.getString("action")),
                state(rs.getString("from_state")), CaseState.valueOf(rs.getString("to_state")),
                rs.getObject("unit_id", Long.class), rs.getString("actor"), instant(rs, "at"),
                rs.getString("action").equals(CaseAction.APPROVE_EXTENSION.name()) ? instant(rs, "new_deadline") : null);
    }

    Optional<Track> track(long caseId) {
        return jdbc.sql("select * from casework_indicator_case where case_id = :id").param("id", caseId).query((rs, n) -> track(rs)).optional();
    }

    private static Track track(ResultSet rs) throws SQLException {
            Track t = new Track(rs.getLong("case_id"));
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
    }

    void save(Track t) {
        saveAll(List.of(t));
    }

    private static Object[] trackRow(Track t) {
        return new Object[] {t.caseId, t.lastHistoryId, t.workerId, t.unitId, utc(t.acceptedAt), utc(t.dueAt), utc(t.resultAt),
                t.bookedDay, t.bookedUnit, t.returned, t.reworked, t.extended};
    }

    /**
     * Adds the deltas to the day counters, creating rows as needed, in key order: one batch creates the missing rows,
     * one batch adds to them.
     */
    void add(Deltas deltas) {
        if (deltas.rows().isEmpty()) return;
        List<Object[]> keys = new ArrayList<>();
        List<Object[]> increments = new ArrayList<>();
        for (Map.Entry<Deltas.Key, long[]> row : deltas.rows().entrySet()) {
            Deltas.Key key = row.getKey();
            keys.add(new Object[] {String.valueOf(key.subject()), key.id(), key.day()});
            Object[] values = new Object[Measure.values().length + 3];
            for (Measure m : Measure.values()) values[m.ordinal()] = row.getValue()[m.ordinal()];
            values[values.length - 3] = String.valueOf(key.subject());
            values[values.length - 2] = key.id();
            values[values.length - 1] = key.day();
            increments.add(values);
        }
        batch.batchUpdate("insert into casework_indicator_day (subject, subject_id, on_day) values (?, ?, ?) on conflict do nothing",
                keys, KEY_TYPES);
        batch.batchUpdate(ADD_INCREMENTS, increments, INCREMENT_TYPES);
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
