package cn.linli.registry.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Grid workers' visits to households (registry_visit). */
@Repository
public class VisitStore {

    private final JdbcClient jdbc;

    VisitStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long householdId, long gridId, LocalDate on, long visitorId, String visitor, String findings,
            boolean followUp) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into registry_visit (household_id, grid_id, visited_on, visitor_id, visitor, findings, follow_up, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(householdId, gridId, on, visitorId, visitor, findings, followUp,
                        OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The visits to a household, latest first. */
    public List<Rows.Visit> ofHousehold(long householdId) {
        return jdbc.sql("""
                select id, household_id, visited_on, visitor, findings, follow_up from registry_visit
                where household_id = ? order by visited_on desc, id desc""")
                .param(householdId).query((rs, n) -> new Rows.Visit(rs.getLong("id"), rs.getLong("household_id"),
                        rs.getObject("visited_on", LocalDate.class), rs.getString("visitor"), rs.getString("findings"),
                        rs.getBoolean("follow_up"))).list();
    }

    /** The households of the grid visited between the dates (both inclusive). */
    public Set<Long> visitedHouseholds(long gridId, LocalDate from, LocalDate to) {
        return Set.copyOf(jdbc.sql("""
                select distinct household_id from registry_visit
                where grid_id = ? and visited_on >= ? and visited_on <= ?""")
                .params(gridId, from, to).query(Long.class).list());
    }

    /** Distinct households of the grid visited between the dates (both inclusive). */
    public int householdsVisited(long gridId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select count(distinct household_id) from registry_visit
                where grid_id = ? and visited_on >= ? and visited_on <= ?""")
                .params(gridId, from, to).query(Integer.class).single();
    }
}
