package cn.linli.organisation.web;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.linli.access.Actor;
import cn.linli.access.CurrentActor;
import cn.linli.access.UserDirectory;
import cn.linli.access.UserSummary;
import cn.linli.organisation.DepartmentDraft;
import cn.linli.organisation.HandlingUnit;
import cn.linli.organisation.MemberRole;
import cn.linli.organisation.Organisation;
import cn.linli.organisation.OrganisationException;
import cn.linli.organisation.OrganisationManagement;
import cn.linli.organisation.UnitKind;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.TerritoryQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Handling units, their members and the routing answers, within the caller's scope; changes by administrators. */
@RestController
@RequestMapping(path = "/api/organisation", produces = "application/json")
@Tag(name = "organisation", description = "Departments, street and community offices, district governments; routing of cases")
class OrganisationApi {

    private final Organisation organisation;
    private final OrganisationManagement management;
    private final TerritoryQueries territory;
    private final CurrentActor actors;
    private final UserDirectory users;

    OrganisationApi(Organisation organisation, OrganisationManagement management, TerritoryQueries territory, CurrentActor actors,
            UserDirectory users) {
        this.organisation = organisation;
        this.management = management;
        this.territory = territory;
        this.actors = actors;
        this.users = users;
    }

    @GetMapping("/units")
    @Operation(summary = "The handling units of a kind (default departments) the caller may see, optionally filtered by name or key")
    List<UnitView> units(@RequestParam(defaultValue = "DEPARTMENT") UnitKind kind, @RequestParam(required = false) String q) {
        DivisionTree tree = territory.tree(null);
        return organisation.search(actors.current(), kind, q).stream().map(u -> UnitView.of(u, tree, organisation)).toList();
    }

    record MemberView(long userId, String username, String displayName, MemberRole role) {
    }

    record UnitDetail(UnitView unit, List<MemberView> members, List<UnitView> subordinates) {
    }

    @GetMapping("/units/{id}")
    @Operation(summary = "A handling unit with its coverage, categories, supervisor, members and the units it supervises")
    UnitDetail unit(@PathVariable long id) {
        HandlingUnit unit = visible(id);
        DivisionTree tree = territory.tree(null);
        return new UnitDetail(UnitView.of(unit, tree, organisation), members(id),
                organisation.subordinatesOf(id).stream().map(u -> UnitView.of(u, tree, organisation)).toList());
    }

    record DepartmentRequest(String name, String departmentKey, Long homeUnitId, Set<Long> coverage, Set<String> categories,
            Long supervisorId, String phone, Boolean active, LocalDate validFrom, LocalDate validTo) {

        DepartmentDraft draft() {
            return new DepartmentDraft(name, departmentKey, homeUnitId, coverage == null ? null : new HashSet<>(coverage),
                    categories, supervisorId, phone, active, validFrom, validTo);
        }
    }

    @PostMapping("/units")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Creates a department (city administrators); coverage must lie within its home city or county")
    UnitView create(@RequestBody DepartmentRequest request) {
        return view(management.createDepartment(actors.current(), request.draft()));
    }

    @PutMapping("/units/{id}")
    @Operation(summary = "Replaces a department's attributes (city administrators); offices follow the territory and are refused")
    UnitView update(@PathVariable long id, @RequestBody DepartmentRequest request) {
        return view(management.updateDepartment(actors.current(), id, request.draft()));
    }

    record MemberRequest(String username, MemberRole role) {
    }

    @PostMapping("/units/{id}/members")
    @Operation(summary = "Adds a user to the unit or changes their role in it (city administrators)")
    List<MemberView> addMember(@PathVariable long id, @RequestBody MemberRequest request) {
        management.addMember(actors.current(), id, request.username(), request.role());
        return members(id);
    }

    @DeleteMapping("/units/{id}/members/{userId}")
    @Operation(summary = "Removes a user from the unit (city administrators)")
    List<MemberView> removeMember(@PathVariable long id, @PathVariable long userId) {
        management.removeMember(actors.current(), id, userId);
        return members(id);
    }

    record Routing(long territoryUnitId, String categoryKey, List<UnitView> departments, UnitView office, UnitView districtGovernment) {
    }

    @GetMapping("/routing")
    @Operation(summary = "Who would handle a category key at a place: departments (most local first), the office, the district government")
    Routing routing(@RequestParam long unitId, @RequestParam(required = false) String category) {
        Actor actor = actors.current();
        if (!territory.covers(actor.jurisdiction(), unitId, null)) {
            throw new OrganisationException("unitId", "organisation.error.place-unknown", unitId);
        }
        List<UnitView> departments = category == null || category.isBlank() ? List.of()
                : organisation.departmentsHandling(category.strip(), unitId).stream().map(this::view).toList();
        return new Routing(unitId, category, departments, viewOrNull(organisation.officeOf(unitId)),
                viewOrNull(organisation.districtGovernmentFor(unitId)));
    }

    @GetMapping("/grids/{gridId}/workers")
    @Operation(summary = "The grid workers assigned to a grid")
    List<MemberView> gridWorkers(@PathVariable long gridId) {
        if (!territory.covers(actors.current().jurisdiction(), gridId, null)) {
            throw new OrganisationException("gridId", "organisation.error.place-unknown", gridId);
        }
        return organisation.gridWorkersOf(gridId).stream()
                .map(u -> new MemberView(u.id(), u.username(), u.displayName(), null)).toList();
    }

    private HandlingUnit visible(long id) {
        return organisation.visible(actors.current(), id).orElseThrow(() -> new UnitNotFoundException(id));
    }

    private List<MemberView> members(long unitId) {
        visible(unitId);
        return organisation.membersOf(unitId).stream().map(m -> {
            Optional<UserSummary> user = users.find(m.userId());
            return new MemberView(m.userId(), user.map(UserSummary::username).orElse(null),
                    user.map(UserSummary::displayName).orElse(null), m.role());
        }).toList();
    }

    private UnitView view(HandlingUnit unit) {
        return UnitView.of(unit, territory.tree(null), organisation);
    }

    private UnitView viewOrNull(Optional<HandlingUnit> unit) {
        return unit.map(this::view).orElse(null);
    }
}
