package cn.linli.territory.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.linli.access.CurrentActor;
import cn.linli.access.Jurisdiction;
import cn.linli.shared.GeoPoint;
import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.GridStandard;
import cn.linli.territory.Location;
import cn.linli.territory.Locator;
import cn.linli.territory.TerritoryException;
import cn.linli.territory.TerritoryQueries;
import cn.linli.territory.UnitHistory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The territory's read API: tree, units, history, search and locate, each within the caller's jurisdiction. */
@RestController
@RequestMapping(path = "/api/territory", produces = "application/json")
@Tag(name = "territory", description = "Divisions from city to grid, as of any date")
class TerritoryApi {

    private final TerritoryQueries territory;
    private final Locator locator;
    private final CurrentActor actors;
    private final GridStandard gridStandard;

    TerritoryApi(TerritoryQueries territory, Locator locator, CurrentActor actors, GridStandard gridStandard) {
        this.territory = territory;
        this.locator = locator;
        this.actors = actors;
        this.gridStandard = gridStandard;
    }

    record TreeNode(DivisionView unit, List<TreeNode> children) {
    }

    @GetMapping("/tree")
    @Operation(summary = "The division tree of the caller's jurisdiction as of a date (default today), to a depth")
    List<TreeNode> tree(@RequestParam(required = false) String date, @RequestParam(defaultValue = "3") int depth) {
        DivisionTree tree = territory.tree(ApiParameters.date(date));
        int limit = Math.max(0, Math.min(depth, 4));
        return tree.topsOf(jurisdiction()).stream().map(d -> node(tree, d, limit)).toList();
    }

    private TreeNode node(DivisionTree tree, Division division, int depth) {
        List<TreeNode> children = depth == 0 ? List.of()
                : tree.children(division.id()).stream().map(c -> node(tree, c, depth - 1)).toList();
        return new TreeNode(DivisionView.of(division), children);
    }

    record UnitDetail(DivisionView unit, List<DivisionView> ancestors, List<DivisionView> children, Integer households,
            String householdBand) {
    }

    @GetMapping("/units/{id}")
    @Operation(summary = "A unit as of a date, with its ancestors and children")
    UnitDetail unit(@PathVariable long id, @RequestParam(required = false) String date) {
        LocalDate asOf = ApiParameters.date(date);
        Division unit = territory.division(jurisdiction(), id, asOf)
                .orElseThrow(() -> new UnitNotFoundException(id));
        DivisionTree tree = territory.tree(asOf);
        Integer households = unit.isGrid() ? gridStandard.households(id).orElse(null) : null;
        return new UnitDetail(DivisionView.of(unit), tree.ancestors(id).stream().map(DivisionView::of).toList(),
                tree.children(id).stream().map(DivisionView::of).toList(), households,
                households == null ? null : gridStandard.band(unit, households).name());
    }

    @GetMapping("/units/{id}/history")
    @Operation(summary = "Every period of a unit's code, name, type and parent, and every operation that touched it")
    UnitHistory history(@PathVariable long id) {
        return territory.history(jurisdiction(), id).orElseThrow(() -> new UnitNotFoundException(id));
    }

    @GetMapping("/search")
    @Operation(summary = "Units whose Chinese name contains the text or whose code starts with it")
    List<DivisionView> search(@RequestParam("q") String query, @RequestParam(required = false) String date) {
        return territory.search(jurisdiction(), query, ApiParameters.date(date), 50).stream().map(DivisionView::of).toList();
    }

    record LocateAnswer(double lng, double lat, LocalDate date, boolean outside, List<DivisionView> units) {
    }

    @GetMapping("/locate")
    @Operation(summary = "Which grid, community, township, county and city a point lies in (WGS84, GCJ-02 or BD-09 input)")
    LocateAnswer locate(@RequestParam(required = false) String lng, @RequestParam(required = false) String lat,
            @RequestParam(defaultValue = "wgs84") String crs, @RequestParam(required = false) String date) {
        double x = ApiParameters.coordinate("lng", lng, -180, 180);
        double y = ApiParameters.coordinate("lat", lat, -90, 90);
        GeoPoint wgs84 = InputCoordinates.toWgs84(crs, x, y);
        Location location = locator.locate(wgs84, ApiParameters.date(date));
        return new LocateAnswer(wgs84.lng(), wgs84.lat(), location.date(), location.outside(),
                location.units().stream().map(DivisionView::of).toList());
    }

    private Jurisdiction jurisdiction() {
        return actors.current().jurisdiction();
    }

    static final class UnitNotFoundException extends TerritoryException {
        UnitNotFoundException(long id) {
            super("id", "territory.error.not-found", id);
        }
    }
}
