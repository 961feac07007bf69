package cn.linli.registry.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.linli.registry.BuildingView;
import cn.linli.registry.HouseholdCard;
import cn.linli.registry.HouseholdSummary;
import cn.linli.registry.PatrolCoverage;
import cn.linli.registry.PatrolQueries;
import cn.linli.registry.RegistryQueries;
import cn.linli.registry.ResidentCard;
import cn.linli.registry.ResidentSummary;
import cn.linli.registry.VisitView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The registry's read API. Every answer is limited to the caller's scope through {@link RegistryQueries} (404 for a
 * record outside it, as for one that does not exist) and carries identifiers masked; see
 * {@link RegistryCommandApi} for changes and the audited unmask.
 */
@RestController
@RequestMapping(path = "/api/registry", produces = "application/json")
@Tag(name = "registry", description = "Buildings, households, residents and visits within the caller's scope; identifiers masked")
class RegistryApi {

    private final RegistryQueries queries;
    private final PatrolQueries patrol;
    private final ScopeGrids grids;

    RegistryApi(RegistryQueries queries, PatrolQueries patrol, ScopeGrids grids) {
        this.queries = queries;
        this.patrol = patrol;
        this.grids = grids;
    }

    record SearchResult(List<ResidentSummary> residents, List<HouseholdSummary> households) {
    }

    @GetMapping("/search")
    @Operation(summary = "One search box: an ID number or phone is matched exactly (blind index), other text as part of a "
            + "name; households whose address contains the text")
    SearchResult search(@RequestParam("q") String query) {
        return new SearchResult(queries.search(query), queries.searchHouseholds(query));
    }

    @GetMapping("/residents/{id}")
    @Operation(summary = "A resident's card: masked identifiers, households by kind and relation, history, care tags "
            + "(sensitive ones only for permitted roles, each read audited)")
    ResidentCard resident(@PathVariable long id) {
        return queries.resident(id).orElseThrow(NotInScope::new);
    }

    @GetMapping("/households/{id}")
    @Operation(summary = "A household as of a date (default today): members then with relation and kind, and its history")
    HouseholdCard household(@PathVariable long id, @RequestParam(required = false) LocalDate asOf) {
        return queries.household(id, asOf).orElseThrow(NotInScope::new);
    }

    @GetMapping("/households/{id}/visits")
    @Operation(summary = "The visits to a household, latest first")
    List<VisitView> visits(@PathVariable long id) {
        return patrol.visits(id).orElseThrow(NotInScope::new);
    }

    @GetMapping("/buildings/{id}")
    @Operation(summary = "A building with its households by unit and floor")
    BuildingView building(@PathVariable long id) {
        return queries.building(id).orElseThrow(NotInScope::new);
    }

    @GetMapping("/grids")
    @Operation(summary = "The grids of the caller's scope: the registry's household count against the configured band")
    List<ScopeGrids.GridRow> grids() {
        return grids.rows();
    }

    record GridHouseholds(long gridId, List<HouseholdSummary> households, Set<Long> visitedThisMonth) {
    }

    @GetMapping("/grids/{id}/households")
    @Operation(summary = "The households of a grid, with those visited this month")
    GridHouseholds gridHouseholds(@PathVariable long id) {
        if (queries.gridHouseholds(id).isEmpty()) throw new NotInScope();
        return new GridHouseholds(id, patrol.householdsInGrid(id),
                patrol.visitedHouseholds(id, ScopeGrids.monthStart(), ScopeGrids.today()));
    }

    @GetMapping("/grids/{id}/coverage")
    @Operation(summary = "Patrol coverage of a grid: households visited / households, between two dates (default this month)")
    PatrolCoverage coverage(@PathVariable long id, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return queries.patrolCoverage(id, from != null ? from : ScopeGrids.monthStart(), to != null ? to : ScopeGrids.today())
                .orElseThrow(NotInScope::new);
    }
}
