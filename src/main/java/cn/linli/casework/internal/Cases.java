package cn.linli.casework.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    private final JdbcClient jdbc;

    Cases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextId() {
        return jdbc.sql("select nextval('casework_case_seq')").query(Long.class).single();
    }

    List<CaseRecord> insert(Case aCase, CaseDetails details) {
        CaseSnapshot s = aCase.snapshot();
        CaseDetails.Place place = details.place();
        jdbc.sql("""
                insert into casework_case (id, number, version, state, request_type, urgent, channel, title, description,
                    lng, lat, address, grid_id, community_id, township_id, county_id, reporter_name, reporter_phone,
                    reporter_phone_index, anonymous, confidential, wants_return_visit, stage_started_at, returns, reworks,
                    extensions, reopenings, received_at, received_by, idempotency_key)
                values (:id, :number, 0, :state, :type, false, :channel, :title, :description, :lng, :lat, :address,
                    :grid, :community, :township, :county, :name, :phone, :phoneIndex, :anonymous, :confidential, :visit,
                    :at, 0, 0, 0, 0, :at, :by, :key)""")
                .param("id", s.id()).param("number", s.number()).param("state", s.state().name())
                .param("type", details.requestType()).param("channel", details.channel().name())
                .param("title", details.title()).param("description", details.description())
                .param("lng", details.lng()).param("lat", details.lat()).param("address", details.address())
                .param("grid", place.gridId()).param("community", place.communityId())
                .param("township", place.townshipId()).param("county", place.countyId())
                .param("name", details.reporterName()).param("phone", details.reporterPhone())
                .param("phoneIndex", details.reporterPhoneIndex()).param("anonymous", details.anonymous())
                .param("confidential", details.confidential()).param("visit", s.wantsReturnVisit())
                .param("at", utc(details.receivedAt())).param("by", details.receivedBy()).param("key", details.idempotencyKey())
                .update();
        // The case was read at version 0 (it did not exist): the first update brings it to 1.
        return update(aCase);
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
                    extensions = :extensions, reopenings = :reopenings, merged_into = :mergedInto, satisfaction = :satisfaction
                where id = :id and version = :version""")
                .param("state", s.state().name()).param("suspendedFrom", name(s.suspendedFrom()))
                .param("category", s.categoryCode()).param("urgent", s.urgent()).param("mainUnit", s.mainUnit())
                .param("stageStarted", utc(s.stageStartedAt())).param("deadline", utc(s.deadline()))
                .param("requested", utc(s.requestedDeadline())).param("returns", s.returns()).param("reworks", s.reworks())
                .param("extensions", s.extensions()).param("reopenings", s.reopenings()).param("mergedInto", s.mergedInto())
                .param("satisfaction", name(s.satisfaction())).param("id", s.id()).param("version", s.version())
                .update();
        if (updated == 0) throw CaseRuleException.conflict("case.rule.changed-meanwhile", s.number());
        List<CaseRecord> saved = aCase.takeUnsaved();
        for (CaseRecord record : saved) {
            jdbc.sql("""
                    insert into casework_case_history (case_id, action, from_state, to_state, unit_id, actor, at, note,
                        old_deadline, new_deadline)
                    values (:case, :action, :from, :to, :unit, :actor, :at, :note, :oldDeadline, :newDeadline)""")
                    .param("case", s.id()).param("action", record.action().name()).param("from", name(record.from()))
                    .param("to", record.to().name()).param("unit", record.unitId()).param("actor", record.actor())
                    .param("at", utc(record.at())).param("note", record.note())
                    .param("oldDeadline", utc(record.oldDeadline())).param("newDeadline", utc(record.newDeadline()))
                    .update();
        }
        // Units change only by dispatch (and escalation after a return); other steps need not rewrite them.
        boolean dispatched = saved.stream().anyMatch(r -> r.action() == cn.linli.casework.CaseAction.DISPATCH
                || r.action() == cn.linli.casework.CaseAction.ESCALATE);
        if (dispatched) endParts(s.id(), saved.get(saved.size() - 1).at());
        if (dispatched && s.mainUnit() != null) assign(s.id(), s.mainUnit(), "MAIN");
        if (dispatched) s.coUnits().forEach(co -> assign(s.id(), co, "CO"));
        return saved;
    }

    /** A new dispatch ends every earlier unit's part; the units it names take theirs up again in {@link #assign}. */
    private void endParts(long caseId, Instant at) {
        jdbc.sql("update casework_case_unit set ended_at = :at where case_id = :case and ended_at is null")
                .param("at", utc(at)).param("case", caseId).update();
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

    Optional<Whereabouts> whereabouts(long id) {
        return jdbc.sql("select grid_id, community_id, township_id, county_id, received_at from casework_case where id = :id")
                .param("id", id)
                .query((rs, n) -> new Whereabouts(new CaseDetails.Place((Long) rs.getObject(1, Long.class),
                        (Long) rs.getObject(2, Long.class), (Long) rs.getObject(3, Long.class), (Long) rs.getObject(4, Long.class)),
                        instant(rs, "received_at"), Set.copyOf(jdbc.sql("select unit_id from casework_case_unit where case_id = :id")
                                .param("id", id).query(Long.class).list())))
                .optional();
    }

    Optional<Case> find(long id) {
        return jdbc.sql("select * from casework_case where id = :id").param("id", id).query(this::read).optional();
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

    private Case read(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Set<Long> co = new HashSet<>(jdbc.sql("select unit_id from casework_case_unit where case_id = :id and role = 'CO' and ended_at is null")
                .param("id", id).query(Long.class).list());
        String satisfaction = rs.getString("satisfaction");
        return new Case(new CaseSnapshot(id, rs.getString("number"), rs.getLong("version"), CaseState.valueOf(rs.getString("state")),
                state(rs.getString("suspended_from")), rs.getString("category_code"), rs.getBoolean("urgent"),
                (Long) rs.getObject("main_unit", Long.class), co, instant(rs, "stage_started_at"), instant(rs, "deadline"),
                instant(rs, "requested_deadline"), rs.getInt("returns"), rs.getInt("reworks"), rs.getInt("extensions"),
                rs.getInt("reopenings"), (Long) rs.getObject("merged_into", Long.class),
                satisfaction == null ? null : Satisfaction.valueOf(satisfaction), rs.getBoolean("wants_return_visit")));
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
