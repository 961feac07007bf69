package cn.linli.casework.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.linli.casework.CaseState;
import cn.linli.casework.Categories;
import cn.linli.casework.SlaLight;
import cn.linli.casework.internal.CaseLights;
import cn.linli.casework.internal.BoardQueries;
import cn.linli.casework.internal.Routing;
import cn.linli.organisation.HandlingUnit;
import cn.linli.organisation.Organisation;
import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.TerritoryQueries;

/** A board row as the dispatcher reads it: the case with its light, category, place, and the unit the routing suggests. */
@Component
class BoardLines {

    record Line(BoardQueries.Row row, SlaLight light, String category, String place, String mainUnit,
            Routing.Suggestion suggestion) {

        public String suggestedName() {
            return suggestion == null ? null : suggestion.unit().name();
        }
    }

    private final CaseLights lights;
    private final Routing routing;
    private final Categories categories;
    private final Organisation organisation;
    private final TerritoryQueries territory;
    private final Clock clock;

    BoardLines(CaseLights lights, Routing routing, Categories categories, Organisation organisation, TerritoryQueries territory,
            Clock clock) {
        this.lights = lights;
        this.routing = routing;
        this.categories = categories;
        this.organisation = organisation;
        this.territory = territory;
        this.clock = clock;
    }

    List<Line> of(List<BoardQueries.Row> rows, Locale locale) {
        Instant now = clock.instant();
        DivisionTree tree = territory.tree(null);
        return rows.stream().map(r -> new Line(r, light(r, now), category(r.categoryCode(), locale), place(r, tree),
                r.mainUnit() == null ? null : organisation.find(r.mainUnit()).map(HandlingUnit::name).orElse(null),
                suggestion(r).orElse(null))).toList();
    }

    /**
     * The routing's unit; for a returned case that the routing would send back to the unit that returned it, the
     * unit above that one (上报), or none when there is no unit above: the dispatcher then chooses.
     */
    Optional<Routing.Suggestion> suggestion(BoardQueries.Row row) {
        Optional<Routing.Suggestion> routed = routing.suggest(row.categoryCode(), row.placeUnitId());
        Long returning = row.state() == CaseState.RETURNED ? row.mainUnit() : null;
        if (returning == null || routed.filter(s -> s.unit().id() != returning).isPresent()) return routed;
        return organisation.supervisorOf(returning).map(u -> new Routing.Suggestion(u, List.of(), Routing.Reason.ESCALATION));
    }

    SlaLight light(BoardQueries.Row row) {
        return light(row, clock.instant());
    }

    private String category(String code, Locale locale) {
        if (code == null) return null;
        return categories.find(code).map(c -> c.name(locale)).orElse(code);
    }

    /** The community (or the most specific unit known) with its street: where a dispatcher knows places by name. */
    private static String place(BoardQueries.Row row, DivisionTree tree) {
        Long id = row.communityId() != null ? row.communityId() : row.placeUnitId();
        if (id == null) return "";
        String name = tree.find(id).map(Division::name).orElse("");
        String street = row.townshipId() == null || row.townshipId().equals(id) ? null
                : tree.find(row.townshipId()).map(Division::name).orElse(null);
        return street == null ? name : street + " · " + name;
    }

    /** The category tree for the filter: each major class with its minor classes. */
    List<Categories.Branch> branches() {
        return categories.tree();
    }

    private SlaLight light(BoardQueries.Row row, java.time.Instant now) {
        return lights.light(row.state(), row.categoryCode(), row.urgent(), row.stageStartedAt(), row.deadline(), row.receivedAt(), now);
    }
}
