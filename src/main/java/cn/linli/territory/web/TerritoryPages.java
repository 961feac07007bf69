package cn.linli.territory.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.linli.access.CurrentActor;
import cn.linli.access.Role;
import cn.linli.access.Jurisdiction;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.GridStandard;
import cn.linli.territory.MapSettings;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.UnitType;

/** The territory pages: the map, the division tree with search, a unit with its history, the grid list. */
@Controller
class TerritoryPages {

    private static final int PAGE_SIZE = 100;

    private final TerritoryQueries territory;
    private final GridStandard gridStandard;
    private final CurrentActor actors;
    private final MapSettings map;

    TerritoryPages(TerritoryQueries territory, GridStandard gridStandard, CurrentActor actors, MapSettings map) {
        this.territory = territory;
        this.gridStandard = gridStandard;
        this.actors = actors;
        this.map = map;
    }

    @GetMapping("/map")
    String map(@RequestParam(required = false) String date, Model model) {
        LocalDate asOf = ApiParameters.date(date);
        territory.tree(asOf);
        model.addAttribute("date", asOf);
        model.addAttribute("map", map);
        model.addAttribute("levels", List.of(DivisionLevel.COUNTY, DivisionLevel.TOWNSHIP, DivisionLevel.COMMUNITY, DivisionLevel.GRID));
        return "territory/map";
    }

    @GetMapping("/divisions")
    String divisions(@RequestParam(required = false) String q, @RequestParam(required = false) String date, Model model) {
        LocalDate asOf = ApiParameters.date(date);
        DivisionTree tree = territory.tree(asOf);
        model.addAttribute("date", asOf);
        model.addAttribute("q", q);
        model.addAttribute("canEdit", actors.current().hasRole(Role.CITY_ADMIN));
        if (q != null && !q.isBlank()) {
            List<Division> results = territory.search(jurisdiction(), q, asOf, 100);
            model.addAttribute("results", results);
            model.addAttribute("paths", results.stream().collect(Collectors.toMap(Division::id,
                    d -> tree.ancestors(d.id()).stream().map(Division::name).collect(Collectors.joining(" › ")), (a, b) -> a)));
        } else {
            model.addAttribute("tops", tree.topsOf(jurisdiction()));
        }
        return "territory/divisions";
    }

    @GetMapping("/divisions/{id}/children")
    String children(@PathVariable long id, @RequestParam(required = false) String date, Model model) {
        LocalDate asOf = ApiParameters.date(date);
        visible(id, asOf);
        model.addAttribute("units", territory.children(jurisdiction(), id, asOf));
        model.addAttribute("date", asOf);
        return "territory/tree-nodes :: nodes(units=${units}, date=${date})";
    }

    @GetMapping("/divisions/{id}")
    String unit(@PathVariable long id, @RequestParam(required = false) String date, Model model) {
        LocalDate asOf = ApiParameters.date(date);
        Division unit = visible(id, asOf);
        DivisionTree tree = territory.tree(asOf);
        model.addAttribute("date", asOf);
        model.addAttribute("unit", unit);
        model.addAttribute("ancestors", tree.ancestors(id));
        model.addAttribute("children", tree.children(id));
        Integer households = unit.isGrid() ? gridStandard.households(id).orElse(null) : null;
        model.addAttribute("households", households);
        model.addAttribute("band", households == null ? null : gridStandard.band(unit, households));
        model.addAttribute("history", territory.history(jurisdiction(), id).orElseThrow());
        boolean canEdit = actors.current().hasRole(Role.CITY_ADMIN) && asOf == null;
        model.addAttribute("canEdit", canEdit);
        if (canEdit) {
            model.addAttribute("childTypes", unit.level().child() == null ? List.of()
                    : Arrays.stream(UnitType.values()).filter(t -> t.level() == unit.level().child()).toList());
        }
        return "territory/unit";
    }

    record GridRow(Division grid, String community, String township, int households, GridStandard.Band band) {
    }

    @GetMapping("/grids")
    String grids(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean flagged,
            @RequestParam(defaultValue = "1") int page, Model model) {
        DivisionTree tree = territory.tree(null);
        Map<Long, Integer> households = gridStandard.allHouseholds();
        Function<Long, String> name = id -> id == null ? "" : tree.find(id).map(Division::name).orElse("");
        List<GridRow> all = tree.atLevel(DivisionLevel.GRID).stream()
                .filter(g -> tree.covers(jurisdiction(), g.id()))
                .map(g -> {
                    int count = households.getOrDefault(g.id(), 0);
                    Division community = tree.find(g.parentId()).orElseThrow();
                    return new GridRow(g, community.name(), name.apply(community.parentId()), count, gridStandard.band(g, count));
                })
                .sorted(Comparator.comparing(r -> r.grid().code()))
                .toList();
        String filter = q == null ? "" : q.strip();
        List<GridRow> rows = all.stream()
                .filter(r -> !flagged || r.band() != GridStandard.Band.WITHIN)
                .filter(r -> filter.isEmpty() || r.grid().name().contains(filter) || r.community().contains(filter)
                        || r.township().contains(filter) || r.grid().code().value().startsWith(filter))
                .toList();
        int pages = Math.max(1, (rows.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.max(1, Math.min(page, pages));
        model.addAttribute("rows", rows.subList((current - 1) * PAGE_SIZE, Math.min(rows.size(), current * PAGE_SIZE)));
        model.addAttribute("total", all.size());
        model.addAttribute("outside", all.stream().filter(r -> r.band() != GridStandard.Band.WITHIN).count());
        model.addAttribute("standard", gridStandard.rangeFor(null));
        model.addAttribute("q", q);
        model.addAttribute("flagged", flagged);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        return "territory/grids";
    }

    /** A unit outside the user's jurisdiction is not there for them: 404, like one that does not exist. */
    private Division visible(long id, LocalDate asOf) {
        return territory.division(jurisdiction(), id, asOf).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Jurisdiction jurisdiction() {
        return actors.current().jurisdiction();
    }
}
