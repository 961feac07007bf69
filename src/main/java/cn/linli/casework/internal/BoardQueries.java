package cn.linli.casework.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.linli.casework.CaseState;

/**
 * The dispatch board's queues (后台分类处置), within the user's scope, 50 cases a page, most urgent deadline first.
 * The state queues are plain indexed queries (state, deadline). The at-risk queue depends on working time, which SQL
 * cannot compute: cases whose deadline falls within {@link #RISK_HORIZON} are read in deadline order and the light
 * decides in Java. The horizon is wider than 20% of the longest limit in the catalogue (60 working days) with holidays.
 */
@Component
public class BoardQueries {

    public static final int PAGE_SIZE = 50;
    static final Duration RISK_HORIZON = Duration.ofDays(30);
    private static final int RISK_MAX = 2000;
    static final List<String> OPEN = Arrays.stream(CaseState.values()).filter(CaseState::isOpen).map(Enum::name).toList();
    /** States whose clock runs: the light means something only for these. */
    static final List<String> RUNNING = List.of("REGISTERED", "RETURNED", "DISPATCHED", "IN_PROGRESS", "HANDLED");

    public enum Queue {
        TO_DISPATCH(CaseState.REGISTERED), RETURNED(CaseState.RETURNED), DISPATCHED(CaseState.DISPATCHED), AT_RISK(null);

        private final CaseState state;

        Queue(CaseState state) {
            this.state = state;
        }

        public CaseState state() {
            return state;
        }
    }

    /**
     * What the board is asked for: a queue, optionally a category (a major class takes in its minor classes, whose
     * codes it begins) and an area unit.
     */
    public record Filter(Queue queue, String category, Long area, int page) {
        public Filter {
            if (queue == null) queue = Queue.TO_DISPATCH;
            if (category != null && category.isBlank()) category = null;
            if (page < 0) page = 0;
        }
    }

    public record Row(long id, String number, long version, CaseState state, String title, String categoryCode,
            boolean urgent, Long gridId, Long communityId, Long townshipId, Long countyId, Long mainUnit, Instant receivedAt,
            Instant stageStartedAt, Instant deadline, String returnReason) {

        Row withReturnReason(String reason) {
            return new Row(id, number, version, state, title, categoryCode, urgent, gridId, communityId, townshipId, countyId,
                    mainUnit, receivedAt, stageStartedAt, deadline, reason);
        }

        /** The most specific territory unit known for the case: what routing looks at. */
        public Long placeUnitId() {
            if (gridId != null) return gridId;
            if (communityId != null) return communityId;
            return townshipId != null ? townshipId : countyId;
        }
    }

    public record Page(List<Row> rows, int page, boolean hasNext) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    BoardQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page find(Filter filter, CaseScope scope, Predicate<Row> atRisk) {
        if (filter.queue() != Queue.AT_RISK) {
            List<Row> rows = select(filter, scope, "c.state = :state", " offset " + filter.page() * PAGE_SIZE
                    + " rows fetch first " + (PAGE_SIZE + 1) + " rows only").param("state", filter.queue().state().name())
                    .query(this::row).list();
            return page(rows, filter.page());
        }
        List<Row> risky = select(filter, scope, "c.state in (:running) and c.deadline <= :horizon", " fetch first " + RISK_MAX + " rows only")
                .param("running", RUNNING).param("horizon", Cases.utc(clock.instant().plus(RISK_HORIZON)))
                .query(this::row).list().stream().filter(atRisk).toList();
        int from = Math.min(filter.page() * PAGE_SIZE, risky.size());
        return page(risky.subList(from, Math.min(risky.size(), from + PAGE_SIZE + 1)), filter.page());
    }

    /** One case of the board by id, if it lies within the scope. */
    @Transactional(readOnly = true)
    public java.util.Optional<Row> one(long id, CaseScope scope) {
        return select(new Filter(Queue.TO_DISPATCH, null, null, 0), scope, "c.id = :id", "").param("id", id).query(this::row).optional()
                .map(r -> withReturnReasons(List.of(r)).get(0));
    }

    /**
     * How many cases each state queue holds, for the tabs (the at-risk queue is counted on its own page): one grouped
     * count over the open queues' index entries (casework_case_open_scope), not one scan per queue.
     */
    @Transactional(readOnly = true)
    public Map<Queue, Integer> counts(Filter filter, CaseScope scope) {
        Map<Queue, Integer> counts = new EnumMap<>(Queue.class);
        List<String> states = new ArrayList<>();
        for (Queue queue : Queue.values()) {
            if (queue.state() == null) continue;
            counts.put(queue, 0);
            states.add(queue.state().name());
        }
        var sql = jdbc.sql("select c.state, count(*) from casework_case c where c.state in (:states) and " + where(filter, scope)
                + " group by c.state").param("states", states);
        params(sql, filter, scope).query((rs, n) -> Map.entry(CaseState.valueOf(rs.getString(1)), rs.getInt(2))).list()
                .forEach(e -> counts.put(Queue.valueOf(queueOf(e.getKey())), e.getValue()));
        return counts;
    }

    private static String queueOf(CaseState state) {
        for (Queue queue : Queue.values()) if (queue.state() == state) return queue.name();
        throw new IllegalArgumentException(state.name());
    }

    private JdbcClient.StatementSpec select(Filter filter, CaseScope scope, String condition, String tail) {
        String sql = """
                select c.id, c.number, c.version, c.state, c.title, c.category_code, c.urgent, c.grid_id, c.community_id,
                    c.township_id, c.county_id, c.main_unit, c.received_at, c.stage_started_at, c.deadline
                from casework_case c where\s""" + condition + " and " + where(filter, scope) + " order by c.deadline, c.id" + tail;
        return params(jdbc.sql(sql), filter, scope);
    }

    private static String where(Filter filter, CaseScope scope) {
        List<String> parts = new ArrayList<>(List.of(scope.condition()));
        if (filter.category() != null) parts.add("c.category_code like :category");
        if (filter.area() != null) {
            parts.add("(c.county_id = :area or c.township_id = :area or c.community_id = :area or c.grid_id = :area)");
        }
        return String.join(" and ", parts);
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec sql, Filter filter, CaseScope scope) {
        sql = sql.param("scope", scope.parameter());
        if (filter.category() != null) sql = sql.param("category", filter.category().strip() + "%");
        if (filter.area() != null) sql = sql.param("area", filter.area());
        return sql;
    }

    private Page page(List<Row> rows, int page) {
        boolean more = rows.size() > PAGE_SIZE;
        return new Page(withReturnReasons(more ? rows.subList(0, PAGE_SIZE) : rows), page, more);
    }

    /**
     * The rows with the reason of their last return, read for the returned cases among them only, in one query (a
     * subquery per row cost the at-risk queue one history look-up for each of up to 2,000 candidates).
     */
    private List<Row> withReturnReasons(List<Row> rows) {
        List<Long> returned = rows.stream().filter(r -> r.state() == CaseState.RETURNED).map(Row::id).toList();
        if (returned.isEmpty()) return rows;
        Map<Long, String> reasons = new java.util.HashMap<>();
        jdbc.sql("select case_id, note from casework_case_history where case_id in (:ids) and action = 'RETURN' order by case_id, id")
                .param("ids", returned).query(rs -> {
                    reasons.put(rs.getLong(1), rs.getString(2));
                });
        return rows.stream().map(r -> reasons.containsKey(r.id()) ? r.withReturnReason(reasons.get(r.id())) : r).toList();
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("number"), rs.getLong("version"), CaseState.valueOf(rs.getString("state")),
                rs.getString("title"), rs.getString("category_code"), rs.getBoolean("urgent"), rs.getObject("grid_id", Long.class),
                rs.getObject("community_id", Long.class), rs.getObject("township_id", Long.class),
                rs.getObject("county_id", Long.class), rs.getObject("main_unit", Long.class), Cases.instant(rs, "received_at"),
                Cases.instant(rs, "stage_started_at"), Cases.instant(rs, "deadline"), null);
    }
}
