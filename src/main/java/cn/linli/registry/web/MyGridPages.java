package cn.linli.registry.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import cn.linli.registry.HouseholdCard;
import cn.linli.registry.HouseholdSummary;
import cn.linli.registry.PatrolCoverage;
import cn.linli.registry.PatrolQueries;

/**
 * The grid worker's pages, made for a phone: my grids with household count and this month's patrol coverage, my
 * households with a visited-this-month marker, and a household with the visit form at the top (one tap from the list).
 */
@Controller
class MyGridPages {

    private final ScopeGrids grids;
    private final PatrolQueries patrol;
    private final ResidentPageModel pages;

    MyGridPages(ScopeGrids grids, PatrolQueries patrol, ResidentPageModel pages) {
        this.grids = grids;
        this.patrol = patrol;
        this.pages = pages;
    }

    record MyGrid(ScopeGrids.GridRow grid, PatrolCoverage coverage) {

        public int percent() {
            return (int) Math.round(coverage.rate() * 100);
        }
    }

    /** A grid worker has one or two grids; staff above a grid use the search and the grid standard instead. */
    static final int GRID_LIMIT = 20;

    @GetMapping("/registry/my-grid")
    String myGrid(@RequestParam(required = false) Long grid, @RequestParam(required = false) String q, Model model) {
        List<MyGrid> mine = grids.rows().stream().sorted(java.util.Comparator.comparing(ScopeGrids.GridRow::code))
                .limit(GRID_LIMIT).map(g -> new MyGrid(g, grids.coverageThisMonth(g.id()))).toList();
        model.addAttribute("grids", mine);
        Long selected = grid != null ? grid : mine.isEmpty() ? null : mine.get(0).grid().id();
        if (selected != null && mine.stream().noneMatch(m -> m.grid().id() == selected)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("selected", selected);
        model.addAttribute("q", q);
        if (selected == null) return "registry/my-grid";
        String filter = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        List<HouseholdSummary> households = patrol.householdsInGrid(selected).stream()
                .filter(h -> filter.isEmpty() || h.address().toLowerCase(Locale.ROOT).contains(filter)).toList();
        Set<Long> visited = patrol.visitedHouseholds(selected, ScopeGrids.monthStart(), ScopeGrids.today());
        model.addAttribute("households", households);
        model.addAttribute("visited", visited);
        return "registry/my-grid";
    }

    @GetMapping("/registry/my-grid/households/{id}")
    String household(@PathVariable long id, Model model) {
        householdPage(model, id);
        return "registry/my-household";
    }

    HouseholdCard householdPage(Model model, long id) {
        HouseholdCard card = pages.household(model, id, null);
        model.addAttribute("visitedThisMonth", patrol.visitedHouseholds(card.gridId(), ScopeGrids.monthStart(),
                ScopeGrids.today()).contains(id));
        return card;
    }

    long gridOf(long householdId) {
        return pages.gridOf(householdId);
    }
}
