package cn.linli.casework.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.linli.access.Actor;
import cn.linli.access.CurrentActor;
import cn.linli.access.Role;
import cn.linli.casework.CaseRuleException;
import cn.linli.casework.CaseState;
import cn.linli.casework.SlaLight;
import cn.linli.casework.SlaOverview;
import cn.linli.territory.TerritoryQueries;

/**
 * The supervisor's view of deadlines: open cases of the supervisor's jurisdiction, nearest deadline first, with their
 * lights; the breached and at-risk ones grouped by the unit that owes the work. Lights are computed, not stored, so
 * only the {@code linli.casework.sla.watched} cases with the nearest deadlines are looked at: those are the ones that
 * are late or nearly so.
 */
@Component
public class SlaBoard {

    private static final List<String> TIMED = List.of("REGISTERED", "RETURNED", "DISPATCHED", "IN_PROGRESS", "HANDLED");

    private final JdbcClient jdbc;
    private final CaseLights lights;
    private final SlaOwners owners;
    private final CurrentActor actors;
    private final TerritoryQueries territory;
    private final Clock clock;
    private final int watched;

    SlaBoard(JdbcClient jdbc, CaseLights lights, SlaOwners owners, CurrentActor actors, TerritoryQueries territory, Clock clock,
            @Value("${linli.casework.sla.watched:2000}") int watched) {
        this.jdbc = jdbc;
        this.lights = lights;
        this.owners = owners;
        this.actors = actors;
        this.territory = territory;
        this.clock = clock;
        this.watched = watched;
    }

    /** Supervision (督办) is for the city, district and street back offices; the others are refused. */
    public static boolean maySupervise(Actor actor) {
        return actor.hasRole(Role.CITY_ADMIN) || actor.hasRole(Role.DISTRICT_STAFF) || actor.hasRole(Role.STREET_STAFF);
    }

    @Transactional(readOnly = true)
    public SlaOverview overview() {
        Actor actor = actors.current();
        if (!maySupervise(actor)) throw CaseRuleException.forbidden("sla.error.not-supervisor");
        Instant now = clock.instant();
        Map<Long, List<SlaOverview.AtRisk>> byOwner = new LinkedHashMap<>();
        for (Row row : nearestDeadlines()) {
            if (!covers(actor, row.place())) continue;
            SlaLight light = lights.light(row.state(), row.category(), row.urgent(), row.started(), row.deadline(), row.receivedAt(), now);
            if (light != SlaLight.RED && light != SlaLight.YELLOW) continue;
            byOwner.computeIfAbsent(owners.owner(row.state(), row.mainUnit(), row.place()), k -> new ArrayList<>())
                    .add(new SlaOverview.AtRisk(row.id(), row.number(), row.version(), row.state(), SlaLight.stageOf(row.state()),
                            row.title(), row.category(), row.started(), row.deadline(), light));
        }
        List<SlaOverview.UnitCases> units = new ArrayList<>();
        byOwner.forEach((unit, cases) -> units.add(new SlaOverview.UnitCases(unit, owners.name(unit),
                count(cases, SlaLight.RED), count(cases, SlaLight.YELLOW), cases)));
        return new SlaOverview(now, units);
    }

    private boolean covers(Actor actor, Long place) {
        if (actor.jurisdiction().unrestricted()) return true;
        return place != null && territory.covers(actor.jurisdiction(), place, null);
    }

    private static int count(List<SlaOverview.AtRisk> cases, SlaLight light) {
        return (int) cases.stream().filter(c -> c.light() == light).count();
    }

    private record Row(long id, String number, long version, CaseState state, String title, String category, boolean urgent,
            Long mainUnit, Instant started, Instant deadline, Instant receivedAt, Long place) {
    }

    /** Earliest deadline first: the breached ones (oldest breach first), then those about to be. */
    private List<Row> nearestDeadlines() {
        return jdbc.sql("""
                select id, number, version, state, title, category_code, urgent, main_unit, stage_started_at, deadline,
                    received_at, coalesce(grid_id, community_id, township_id, county_id) as place
                from casework_case where state in (:states) and deadline is not null and stage_started_at is not null
                order by deadline, id fetch first :n rows only""")
                .param("states", TIMED).param("n", watched)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("number"), rs.getLong("version"),
                        CaseState.valueOf(rs.getString("state")), rs.getString("title"), rs.getString("category_code"),
                        rs.getBoolean("urgent"), rs.getObject("main_unit", Long.class), Cases.instant(rs, "stage_started_at"),
                        Cases.instant(rs, "deadline"), Cases.instant(rs, "received_at"), rs.getObject("place", Long.class)))
                .list();
    }
}
