package cn.linli.casework.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.sql.Types;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.linli.casework.CaseRuleException;
import cn.linli.casework.CaseState;
import cn.linli.casework.Satisfaction;

/**
 * Stores cases: the changing part with a version for optimistic locking (two people acting at once: the second is
 * told the case changed), the append-only history, and the units a case was dispatched to.
 */
@Repository
public class Cases {

    private static final int[] HISTORY_TYPES = {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT,
            Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE};

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Cases(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Writes a new case with its state and first history lines in one go (the case did not exist, so it is stored
     * at version 1, as if read at 0 and saved once).
     */
    List<CaseRecord> insert(Case aCase, CaseDetails details) {
        CaseSnapshot s = aCase.snapshot();
        CaseDetails.Place place = details.place();
        jdbc.sql("""
                insert into casework_case (id, number, version, state, request_type, category_code, urgent, channel, title,
                    description, lng, lat, address, grid_id, community_id, township_id, county_id, reporter_name,
                    reporter_phone, reporter_phone_index, anonymous, confidential, wants_return_visit, main_unit,
                    stage_started_at, deadline, returns, reworks, extensions, reopenings, received_at, received_by,
                    idempotency_key, updated_at)
                values (:id, :number, 1, :state, :type, :category, :urgent, :channel, :title, :description, :lng, :lat,
                    :address, :grid, :community, :township, :county, :name, :phone, :phoneIndex, :anonymous, :confidential,
                    :visit, :mainUnit, :stageStarted, :deadline, 0, 0, 0, 0, :at, :by, :key, :updated)""")
                .param("id", s.id()).param("number", s.number()).param("state", s.state().name())
                .param("type", details.requestType()).param("category", s.categoryCode()).param("urgent", s.urgent())
                .param("channel", details.channel().name())
                .param("title", details.title()).param("description", details.description())
                .param("lng", details.lng()).param("lat", details.lat()).param("address", details.address())
                .param("grid", place.gridId()).param("community", place.communityId())
                .param("township", place.townshipId()).param("county", place.countyId())
                .param("name", details.reporterName()).param("phone", details.reporterPhone())
                .param("phoneIndex", details.reporterPhoneIndex()).param("anonymous", details.anonymous())
                .param("confidential", details.confidential()).param("visit", s.wantsReturnVisit())
                .param("mainUnit", s.mainUnit()).param("stageStarted", utc(s.stageStartedAt())).param("deadline", utc(s.deadline()))
                .param("at", utc(details.receivedAt())).param("by", details.receivedBy()).param("key", details.idempotencyKey())
                .param("updated", utc(lastChange(aCase.unsavedRecords(), details.receivedAt())))
                .update();
        if (s.mainUnit() != null || !s.coUnits().isEmpty() || s.requestedDeadline() != null || s.mergedInto() != null
                || s.satisfaction() != null || s.suspendedFrom() != null) {
            // Intake only receives and registers; anything more is saved the ordinary way.
            throw new IllegalStateException("A new case is only received or registered: " + s);
        }
        List<CaseRecord> saved = aCase.takeUnsaved();
        appendHistory(s.id(), saved);
        return saved;
    }

    /**
     * Saves the case's new state and its new history lines if nobody changed it since it was read.
     *
     * @throws CaseRuleException (conflict) when another user changed the case in between; nothing is saved
     */
    List<CaseRecord> update(Case aCase) {
        CaseSnapshot s = aCase.snapshot();
        int updated = jdbc.sql("""
                update casework_case set version = version + 1, state = :state, suspended_from = :suspendedFrom,
                    category_code = :category, urgent = :urgent, main_unit = :mainUnit, stage_started_at = :stageStarted,
                    deadline = :deadline, requested_deadline = :requested, returns = :returns, reworks = :reworks,
                    extensions = :extensions, reopenings = :reopenings, merged_into = :mergedInto, satisfaction = :satisfaction,
                    updated_at = coalesce(:updated, updated_at)
                where id = :id and version = :version""")
                .param("state", s.state().name()).param("suspendedFrom", name(s.suspendedFrom()))
                .param("category", s.categoryCode()).param("urgent", s.urgent()).param("mainUnit", s.mainUnit())
                .param("stageStarted", utc(s.stageStartedAt())).param("deadline", utc(s.deadline()))
                .param("requested", utc(s.requestedDeadline())).param("returns", s.returns()).param("reworks", s.reworks())
                .param("extensions", s.extensions()).param("reopenings", s.reopenings()).param("mergedInto", s.mergedInto())
                .param("satisfaction", name(s.satisfaction())).param("id", s.id()).param("version", s.version())
                .param("updated", utc(lastChange(aCase.unsavedRecords(), null)))
                .update();
        if (updated == 0) throw CaseRuleException.conflict("case.rule.changed-meanwhile", s.number());
        List<CaseRecord> saved = aCase.takeUnsaved();
        appendHistory(s.id(), saved);
        // Units change only by dispatch (and escalation after a return); other steps need not rewrite them.
        boolean dispatched = saved.stream().anyMatch(r -> r.action() == cn.linli.casework.CaseAction.DISPATCH
                || r.action() == cn.linli.casework.CaseAction.ESCALATE);
        if (dispatched) endParts(s.id(), saved.get(saved.size() - 1).at());
        if (dispatched && s.mainUnit() != null) assign(s.id(), s.mainUnit(), "MAIN");
        if (dispatched) s.coUnits().forEach(co -> assign(s.id(), co, "CO"));
        return saved;
    }

    /**
     * The time of the case's last history line, kept on the case row ({@code updated_at}) so that lists of cases with
     * their last change (Open311's {@code updated_datetime}, {@code updated_after}) need not read the history.
     */
    private static Instant lastChange(List<CaseRecord> records, Instant otherwise) {
        return records.stream().map(CaseRecord::at).max(Instant::compareTo).orElse(otherwise);
    }

    /** A new dispatch ends every earlier unit's part; the units it names take theirs up again in {@link #assign}. */
    private void endParts(long caseId, Instant at) {
        jdbc.sql("update casework_case_unit set ended_at = :at where case_id = :case and ended_at is null")
                .param("at", utc(at)).param("case", caseId).update();
    }

    /** The step's history lines in one batch: a step writes one or two (intake: received and registered). */
    private void appendHistory(long caseId, List<CaseRecord> records) {
        if (records.isEmpty()) return;
        List<Object[]> rows = new ArrayList<>(records.size());
        for (CaseRecord r : records) {
            rows.add(new Object[] {caseId, r.action().name(), name(r.from()), r.to().name(), r.unitId(), r.actor(), utc(r.at()),
                    r.note(), utc(r.oldDeadline()), utc(r.newDeadline())});
        }
        batch.batchUpdate("""
                insert into casework_case_history (case_id, action, from_state, to_state, unit_id, actor, at, note,
                    old_deadline, new_deadline)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, HISTORY_TYPES);
    }

    private void assign(long caseId, long unitId, String role) {
        int updated = jdbc.sql("update casework_case_unit set role = :role, ended_at = null where case_id = :case and unit_id = :unit")
                .param("role", role).param("case", caseId).param("unit", unitId).update();
        if (updated == 0) {
            jdbc.sql("insert into casework_case_unit (case_id, unit_id, role) values (:case, :unit, :role)")
                    .param("case", caseId).param("unit", unitId).param("role", role).update();
        }
    }

    /** Where a case is and when it came in: what access to it and its deadlines depend on. */
    record Whereabouts(CaseDetails.Place place, Instant receivedAt, Set<Long> units) {
        /** The most specific territory unit known for the case. */
        Long placeUnitId() {
            if (place.gridId() != null) return place.gridId();
            if (place.communityId() != null) return place.communityId();
            return place.townshipId() != null ? place.townshipId() : place.countyId();
        }
    }

    /** Read with its units in one query: a second query inside the row mapper would take a second pooled connection. */
    Optional<Whereabouts> whereabouts(long id) {
        return load(id).map(Stored::whereabouts);
    }

    /** A stored case with where it is: what a transition needs, read in one round trip. */
    record Stored(Whereabouts whereabouts, Case aCase) {
    }

    /** The case row joined with its units (one row per unit, or one with none): the case and its whereabouts at once. */
    Optional<Stored> load(long id) {
        record Row(CaseDetails.Place place, Instant receivedAt, CaseSnapshot snapshot, Long unit, boolean co) {
        }
        // every unit ever dispatched keeps sight of the case; only the current dispatch's 协办 are its co-handlers
        List<Row> rows = jdbc.sql("""
                select c.*, u.unit_id as case_unit, u.role as case_unit_role, u.ended_at as case_unit_ended
                from casework_case c left join casework_case_unit u on u.case_id = c.id where c.id = :id""")
                .param("id", id)
                .query((rs, n) -> new Row(place(rs), instant(rs, "received_at"), snapshot(rs, Set.of()),
                        rs.getObject("case_unit", Long.class),
                        "CO".equals(rs.getString("case_unit_role")) && rs.getObject("case_unit_ended") == null))
                .list();
        if (rows.isEmpty()) return Optional.empty();
        Set<Long> units = new HashSet<>();
        Set<Long> co = new HashSet<>();
        for (Row row : rows) {
            if (row.unit() == null) continue;
            units.add(row.unit());
            if (row.co()) co.add(row.unit());
        }
        Row first = rows.get(0);
        CaseSnapshot s = first.snapshot();
        CaseSnapshot withCo = new CaseSnapshot(s.id(), s.number(), s.version(), s.state(), s.suspendedFrom(), s.categoryCode(),
                s.urgent(), s.mainUnit(), co, s.stageStartedAt(), s.deadline(), s.requestedDeadline(), s.returns(), s.reworks(),
                s.extensions(), s.reopenings(), s.mergedInto(), s.satisfaction(), s.wantsReturnVisit());
        return Optional.of(new Stored(new Whereabouts(first.place(), first.receivedAt(), Set.copyOf(units)), new Case(withCo)));
    }

    Optional<Case> find(long id) {
        return load(id).map(Stored::aCase);
    }

    Optional<Long> idByNumber(String number) {
        return jdbc.sql("select id from casework_case where number = :number").param("number", number).query(Long.class).optional();
    }

    Optional<Long> idByIdempotencyKey(String key) {
        return jdbc.sql("select id from casework_case where idempotency_key = :key").param("key", key).query(Long.class).optional();
    }

    List<CaseRecord> history(long caseId) {
        return lines(caseId).stream().map(Line::record).toList();
    }

    /** A history line with its id, which the photos of its step refer to. */
    record Line(long id, CaseRecord record) {
    }

    List<Line> lines(long caseId) {
        return jdbc.sql("select * from casework_case_history where case_id = :case order by id")
                .param("case", caseId)
                .query((rs, n) -> new Line(rs.getLong("id"), new CaseRecord(cn.linli.casework.CaseAction.valueOf(rs.getString("action")),
                        state(rs.getString("from_state")), state(rs.getString("to_state")), (Long) rs.getObject("unit_id", Long.class),
                        rs.getString("actor"), instant(rs, "at"), rs.getString("note"), instant(rs, "old_deadline"),
                        instant(rs, "new_deadline"))))
                .list();
    }

    private static CaseSnapshot snapshot(ResultSet rs, Set<Long> co) throws SQLException {
        String satisfaction = rs.getString("satisfaction");
        return new CaseSnapshot(rs.getLong("id"), rs.getString("number"), rs.getLong("version"), CaseState.valueOf(rs.getString("state")),
                state(rs.getString("suspended_from")), rs.getString("category_code"), rs.getBoolean("urgent"),
                (Long) rs.getObject("main_unit", Long.class), co, instant(rs, "stage_started_at"), instant(rs, "deadline"),
                instant(rs, "requested_deadline"), rs.getInt("returns"), rs.getInt("reworks"), rs.getInt("extensions"),
                rs.getInt("reopenings"), (Long) rs.getObject("merged_into", Long.class),
                satisfaction == null ? null : Satisfaction.valueOf(satisfaction), rs.getBoolean("wants_return_visit"));
    }

    private static CaseDetails.Place place(ResultSet rs) throws SQLException {
        return new CaseDetails.Place(rs.getObject("grid_id", Long.class), rs.getObject("community_id", Long.class),
                rs.getObject("township_id", Long.class), rs.getObject("county_id", Long.class));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static CaseState state(String name) {
        return name == null ? null : CaseState.valueOf(name);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
