package cn.linli.casework.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.linli.casework.CaseState;
import cn.linli.casework.SlaLight;

/**
 * The handler's inbox: the open work of the user's handling units, and for grid workers the results waiting for
 * verification in their grids. Plain SQL on indexed columns ({@code main_unit, state}; {@code community_id, state}),
 * because the inbox is opened all day on phones and refreshed on every change.
 */
@Component
public class InboxQueries {

    /** An inbox shows the most pressing cases; older ones are found through search. */
    static final int LIMIT = 200;

    /** One case in an inbox: what a handler decides on, with its light and the version a quick action sends. */
    public record Row(long id, String number, long version, CaseState state, String title, String address, String categoryCode,
            boolean urgent, Long mainUnit, Instant deadline, Instant requestedDeadline, int reworks, SlaLight light) {

        /** Back in progress after a failed verification (返工). */
        public boolean rework() {
            return state == CaseState.IN_PROGRESS && reworks > 0;
        }
    }

    private final JdbcClient jdbc;
    private final CaseLights lights;

    InboxQueries(JdbcClient jdbc, CaseLights lights) {
        this.jdbc = jdbc;
        this.lights = lights;
    }

    /** Cases whose main unit is one of {@code units}: waiting to be accepted or in progress (including rework). */
    public List<Row> handling(Collection<Long> units) {
        if (units.isEmpty()) return List.of();
        return jdbc.sql("""
                select * from casework_case where main_unit in (:units) and state in ('DISPATCHED', 'IN_PROGRESS')
                order by deadline asc nulls last, id desc limit :limit""")
                .param("units", Set.copyOf(units)).param("limit", LIMIT)
                .query(this::row).list();
    }

    /** Results reported in the given grids (of the given communities, for the index), waiting for verification. */
    public List<Row> toVerify(Collection<Long> grids, Collection<Long> communities) {
        if (grids.isEmpty() || communities.isEmpty()) return List.of();
        return jdbc.sql("""
                select * from casework_case where community_id in (:communities) and state = 'HANDLED' and grid_id in (:grids)
                order by deadline asc nulls last, id desc limit :limit""")
                .param("communities", Set.copyOf(communities)).param("grids", Set.copyOf(grids)).param("limit", LIMIT)
                .query(this::row).list();
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        CaseState state = CaseState.valueOf(rs.getString("state"));
        String category = rs.getString("category_code");
        boolean urgent = rs.getBoolean("urgent");
        Instant deadline = Cases.instant(rs, "deadline");
        SlaLight light = lights.light(state, category, urgent, Cases.instant(rs, "stage_started_at"), deadline,
                Cases.instant(rs, "received_at"));
        return new Row(rs.getLong("id"), rs.getString("number"), rs.getLong("version"), state, rs.getString("title"),
                rs.getString("address"), category, urgent, (Long) rs.getObject("main_unit", Long.class), deadline,
                Cases.instant(rs, "requested_deadline"), rs.getInt("reworks"), light);
    }
}
