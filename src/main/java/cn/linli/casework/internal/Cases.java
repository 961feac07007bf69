package cn.linli.casework.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.sql.Types;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.linli.casework.CaseAction;
import cn.linli.casework.CaseRuleException;
import cn.linli.casework.CaseState;
import cn.linli.casework.CaseView;
import cn.linli.casework.Channel;
import cn.linli.casework.Satisfaction;

/**
 * Stores cases: the changing part with a version for optimistic locking (two people acting at once: the second is
 * told the case changed), the append-only history, and the units a case was dispatched to.
 */
@Repository
public class Cases {

    private static final Set<CaseAction> DISPATCHES = EnumSet.of(CaseAction.DISPATCH, CaseAction.REDISPATCH, CaseAction.ESCALATE);
    private static final int[] HISTORY_TYPES = {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT,
            Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE};

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    /** Whether the database takes data-modifying {@code WITH} (PostgreSQL): a step's writes then go in one statement. */
    private volatile Boolean writesInOneStatement;

    Cases(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Writes a new case with its state and first history lines in one go (the case did not exist, so it is stored
     * at version 1, as if read at 0 and saved once), and gives the lines as {@link #lines} would read them: with their
     * ids, in the order of their ids.
     */
    List<Line> insert(Case aCase, CaseDetails details) {
        CaseSnapshot s = aCase.snapshot();
        if (s.mainUnit() != null || !s.coUnits().isEmpty() || s.requestedDeadline() != null || s.mergedInto() != null
                || s.satisfaction() != null || s.suspendedFrom() != null) {
            // Intake only receives and registers; anything more is saved the ordinary way.
            throw new IllegalStateException("A new case is only received or registered: " + s);
        }
        CaseDetails.Place place = details.place();
        List<CaseRecord> records = aCase.unsavedRecords();
        String insertCase = """
                insert into casework_case (id, number, version, state, request_type, category_code, urgent, channel, title,
                    description, lng, lat, address, grid_id, community_id, township_id, county_id, reporter_name,
                    reporter_phone, reporter_phone_index, anonymous, confidential, wants_return_visit, main_unit,
                    stage_started_at, deadline, returns, reworks, extensions, reopenings, received_at, received_by,
                    idempotency_key, updated_at)
                values (:id, :number, 1, :state, :type, :category, :urgent, :channel, :title, :description, :lng, :lat,
                    :address, :grid, :community, :township, :county, :name, :phone, :phoneIndex, :anonymous, :confidential,
                    :visit, :mainUnit, :stageStarted, :deadline, 0, 0, 0, 0, :at, :by, :key, :updated)""";
        boolean together = writesInOneStatement();
        var statement = jdbc.sql(together ? withLinesAndQueue(insertCase, records, true) : insertCase)
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
                .param("updated", utc(lastChange(records, details.receivedAt())));
        if (!together) {
            statement.update();
            appendLinesAndQueue(s.id(), aCase.takeUnsaved());
            return lines(s.id());
        }
        // the lines' ids, each with its action, which tells which record it is (intake's lines differ in action)
        List<Map.Entry<Long, String>> ids = lineParams(statement, records)
                .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("action"))).list();
        List<CaseRecord> unmatched = new ArrayList<>(aCase.takeUnsaved());
        List<Line> lines = new ArrayList<>(ids.size());
        for (Map.Entry<Long, String> id : ids) {
            CaseRecord record = unmatched.stream().filter(r -> r.action().name().equals(id.getValue())).findFirst().orElseThrow();
            unmatched.remove(record);
            lines.add(new Line(id.getKey(), record));
        }
        return lines;
    }

    /**
     * Saves the case's new state and its new history lines if nobody changed it since it was read.
     *
     * @throws CaseRuleException (conflict) when another user changed the case in between; nothing is saved
     */
    List<CaseRecord> update(Case aCase) {
        CaseSnapshot s = aCase.snapshot();
        List<CaseRecord> records = aCase.unsavedRecords();
        String updateCase = """
                update casework_case set version = version + 1, state = :state, suspended_from = :suspendedFrom,
                    category_code = :category, urgent = :urgent, main_unit = :mainUnit, stage_started_at = :stageStarted,
                    deadline = :deadline, requested_deadline = :requested, returns = :returns, reworks = :reworks,
                    extensions = :extensions, reopenings = :reopenings, merged_into = :mergedInto, satisfaction = :satisfaction,
                    updated_at = coalesce(:updated, updated_at)
                where id = :id and version = :version""";
        boolean together = writesInOneStatement() && !records.isEmpty();
        var statement = jdbc.sql(together ? withLinesAndQueue(updateCase, records, false) : updateCase)
                .param("state", s.state().name()).param("suspendedFrom", name(s.suspendedFrom()))
                .param("category", s.categoryCode()).param("urgent", s.urgent()).param("mainUnit", s.mainUnit())
                .param("stageStarted", utc(s.stageStartedAt())).param("deadline", utc(s.deadline()))
                .param("requested", utc(s.requestedDeadline())).param("returns", s.returns()).param("reworks", s.reworks())
                .param("extensions", s.extensions()).param("reopenings", s.reopenings()).param("mergedInto", s.mergedInto())
                .param("satisfaction", name(s.satisfaction())).param("id", s.id()).param("version", s.version())
                .param("updated", utc(lastChange(records, null)));
        // In one statement the count is that of the queue row, which is written only if the case row was.
        int updated = together ? lineParams(statement, records).update() : statement.update();
        if (updated == 0) throw CaseRuleException.conflict("case.rule.changed-meanwhile", s.number());
        List<CaseRecord> saved = aCase.takeUnsaved();
        if (!together) appendLinesAndQueue(s.id(), saved);
        // Units change only by dispatch (and re-dispatch or escalation after a return); other steps need not rewrite them.
        boolean dispatched = saved.stream().anyMatch(r -> DISPATCHES.contains(r.action()));
        if (dispatched) {
            endParts(s.id(), saved.get(saved.size() - 1).at());
            assign(s.id(), s.mainUnit(), s.coUnits());
        }
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

    /**
     * The step's writes besides the case row, where they cannot share its statement: the history lines in one batch
     * (a step writes one or two; intake: received and registered), then the case's row in the indicator rollup's
     * queue, which commits or rolls back with them (see {@code IndicatorQueue}).
     */
    private void appendLinesAndQueue(long caseId, List<CaseRecord> records) {
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
        jdbc.sql("insert into casework_indicator_due (case_id) values (:case)").param("case", caseId).update();
    }

    /**
     * The case row's write ({@code insert} or {@code update} of casework_case) with the step's history lines and the
     * rollup's queue row, as one PostgreSQL statement: one round trip for what would be three. Nothing but the case
     * row's id flows from the first part to the others, so if the case row is not written (another user changed the
     * case), neither is anything else. The lines' values are cast, as a {@code VALUES} list has no column types.
     * {@code returningLines}: the statement answers the new lines' ids and actions in the order of their ids;
     * otherwise its count is that of the queue row.
     */
    private static String withLinesAndQueue(String caseWrite, List<CaseRecord> records, boolean returningLines) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) lines.append(", ");
            lines.append("(:action").append(i).append(", :from").append(i).append(", :to").append(i)
                    .append(", cast(:unit").append(i).append(" as bigint), :actor").append(i)
                    .append(", cast(:at").append(i).append(" as timestamp with time zone), :note").append(i)
                    .append(", cast(:old").append(i).append(" as timestamp with time zone), cast(:new").append(i)
                    .append(" as timestamp with time zone))");
        }
        return "with saved as (" + caseWrite + " returning id),\n"
                + "lines as (insert into casework_case_history (case_id, action, from_state, to_state, unit_id, actor, at, note,"
                + " old_deadline, new_deadline)\n"
                + "  select saved.id, l.action, l.from_state, l.to_state, l.unit_id, l.actor, l.at, l.note, l.old_deadline, l.new_deadline"
                + " from saved cross join (values " + lines + ") as l (action, from_state, to_state, unit_id, actor, at, note,"
                + " old_deadline, new_deadline)"
                + (returningLines ? " returning id, action),\nqueued as (" : ")\n")
                + "insert into casework_indicator_due (case_id) select id from saved"
                + (returningLines ? ")\nselect id, action from lines order by id" : "");
    }

    private static JdbcClient.StatementSpec lineParams(JdbcClient.StatementSpec statement, List<CaseRecord> records) {
        for (int i = 0; i < records.size(); i++) {
            CaseRecord r = records.get(i);
            // typed, so that a null needs no look-up of the parameter's type
            statement = statement.param("action" + i, r.action().name(), Types.VARCHAR)
                    .param("from" + i, name(r.from()), Types.VARCHAR).param("to" + i, r.to().name(), Types.VARCHAR)
                    .param("unit" + i, r.unitId(), Types.BIGINT).param("actor" + i, r.actor(), Types.VARCHAR)
                    .param("at" + i, utc(r.at()), Types.TIMESTAMP_WITH_TIMEZONE).param("note" + i, r.note(), Types.VARCHAR)
                    .param("old" + i, utc(r.oldDeadline()), Types.TIMESTAMP_WITH_TIMEZONE)
                    .param("new" + i, utc(r.newDeadline()), Types.TIMESTAMP_WITH_TIMEZONE);
        }
        return statement;
    }

    private boolean writesInOneStatement() {
        Boolean known = writesInOneStatement;
        if (known == null) {
            known = batch.execute((ConnectionCallback<Boolean>) c -> c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres"));
            writesInOneStatement = known;
        }
        return known;
    }

    /**
     * Gives the dispatch's units their part: a unit that had one before takes it up again (its row's role and end are
     * rewritten), a new one gets a row; one statement for all of them.
     */
    private void assign(long caseId, Long mainUnit, Set<Long> coUnits) {
        Map<Long, String> roles = new LinkedHashMap<>();
        coUnits.forEach(co -> roles.put(co, "CO"));
        if (mainUnit != null) roles.put(mainUnit, "MAIN");
        if (roles.isEmpty()) return;
        StringBuilder units = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        params.put("case", caseId);
        int i = 0;
        for (Map.Entry<Long, String> unit : roles.entrySet()) {
            if (i > 0) units.append(", ");
            units.append("(cast(:case as bigint), cast(:unit").append(i).append(" as bigint), cast(:role").append(i)
                    .append(" as varchar(8)))");
            params.put("unit" + i, unit.getKey());
            params.put("role" + i, unit.getValue());
            i++;
        }
        jdbc.sql("""
                merge into casework_case_unit t
                using (values %s) as s (case_id, unit_id, role) on t.case_id = s.case_id and t.unit_id = s.unit_id
                when matched then update set role = s.role, ended_at = null
                when not matched then insert (case_id, unit_id, role) values (s.case_id, s.unit_id, s.role)""".formatted(units))
                .params(params)
                .update();
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

    /** A stored case with where it is and what was taken in: what a transition or a reader needs, in one round trip. */
    record Stored(Whereabouts whereabouts, Case aCase, CaseDetails details) {
    }

    /** The case row joined with its units (one row per unit, or one with none): the case and its whereabouts at once. */
    Optional<Stored> load(long id) {
        record Row(CaseDetails details, CaseSnapshot snapshot, Long unit, boolean co) {
        }
        // every unit ever dispatched keeps sight of the case; only the current dispatch's 协办 are its co-handlers
        List<Row> rows = jdbc.sql("""
                select c.*, u.unit_id as case_unit, u.role as case_unit_role, u.ended_at as case_unit_ended
                from casework_case c left join casework_case_unit u on u.case_id = c.id where c.id = :id""")
                .param("id", id)
                .query((rs, n) -> new Row(n == 0 ? details(rs) : null, snapshot(rs, Set.of()),
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
        CaseDetails details = first.details();
        return Optional.of(new Stored(new Whereabouts(details.place(), details.receivedAt(), Set.copyOf(units)), new Case(withCo),
                details));
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
                .query((rs, n) -> new Line(rs.getLong("id"), new CaseRecord(CaseAction.valueOf(rs.getString("action")),
                        state(rs.getString("from_state")), state(rs.getString("to_state")), (Long) rs.getObject("unit_id", Long.class),
                        rs.getString("actor"), instant(rs, "at"), rs.getString("note"), instant(rs, "old_deadline"),
                        instant(rs, "new_deadline"))))
                .list();
    }

    /**
     * The cases linked to one by a merge, in one query: the case it was merged into first, then those merged into it,
     * in the order of their ids. Both halves go by an index (the primary key, casework_case_merged_into).
     */
    List<CaseView.Related> related(long caseId) {
        return jdbc.sql("""
                        select c.id, c.number, c.title, c.state, true as merged_into from casework_case c
                        where c.id = (select o.merged_into from casework_case o where o.id = :case)
                        union all
                        select c.id, c.number, c.title, c.state, false from casework_case c where c.merged_into = :case
                        order by merged_into desc, id""")
                .param("case", caseId)
                .query((rs, n) -> new CaseView.Related(rs.getLong("id"), rs.getString("number"),
                        rs.getString("title"), CaseState.valueOf(rs.getString("state")), rs.getBoolean("merged_into")))
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

    private static CaseDetails details(ResultSet rs) throws SQLException {
        return new CaseDetails(rs.getString("request_type"), Channel.valueOf(rs.getString("channel")), rs.getString("title"),
                rs.getString("description"), rs.getObject("lng", Double.class), rs.getObject("lat", Double.class),
                rs.getString("address"), place(rs), rs.getString("reporter_name"), rs.getString("reporter_phone"),
                rs.getString("reporter_phone_index"), rs.getBoolean("anonymous"), rs.getBoolean("confidential"),
                instant(rs, "received_at"), rs.getString("received_by"), rs.getString("idempotency_key"));
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
