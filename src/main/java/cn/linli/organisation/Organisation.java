package cn.linli.organisation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.linli.access.Actor;
import cn.linli.access.Role;
import cn.linli.access.UserDirectory;
import cn.linli.access.UserSummary;
import cn.linli.organisation.internal.Directory;
import cn.linli.organisation.internal.OrganisationState;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.Division;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.TerritoryQueries;

/**
 * The routing questions of casework, answered from memory on today's territory. Only units in force are returned
 * by the routing queries; {@link #find} also returns ended ones, which old cases still name. The routing queries are
 * unscoped (routing must see every unit); the listing queries take the acting user and show what they may see.
 */
@Service
public class Organisation {

    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    private final OrganisationState state;
    private final TerritoryQueries territory;
    private final UserDirectory users;

    Organisation(OrganisationState state, TerritoryQueries territory, UserDirectory users) {
        this.state = state;
        this.territory = territory;
        this.users = users;
    }

    public Optional<HandlingUnit> find(long id) {
        return state.directory().find(id);
    }

    /** The government of the county-level unit the place lies in: the owner of last resort (兜底). */
    public Optional<HandlingUnit> districtGovernmentFor(long territoryUnitId) {
        DivisionTree tree = territory.tree(null);
        return lineage(tree, territoryUnitId).stream().filter(d -> d.level() == DivisionLevel.COUNTY).findFirst()
                .flatMap(county -> inForce(state.directory().derived(UnitKind.DISTRICT_GOVERNMENT, county.id())));
    }

    /**
     * The nearest community or street office at or above the place (a grid's community office; a street's own
     * office), or empty for a county or a place the territory does not know.
     */
    public Optional<HandlingUnit> officeOf(long territoryUnitId) {
        Directory directory = state.directory();
        for (Division place : lineage(territory.tree(null), territoryUnitId)) {
            Optional<HandlingUnit> office = switch (place.level()) {
                case COMMUNITY -> inForce(directory.derived(UnitKind.COMMUNITY_OFFICE, place.id()));
                case TOWNSHIP -> inForce(directory.derived(UnitKind.STREET_OFFICE, place.id()));
                default -> Optional.empty();
            };
            if (office.isPresent()) return office;
            if (place.level() == DivisionLevel.COUNTY) break;
        }
        return Optional.empty();
    }

    /**
     * The departments in force that handle the key and whose coverage includes the place, the most local first (a
     * district bureau before the city bureau). Empty when none does: casework then falls back to the district
     * government rather than to the community, since a department's matter is never pushed down.
     */
    public List<HandlingUnit> departmentsHandling(String categoryKey, long territoryUnitId) {
        List<Division> lineage = lineage(territory.tree(null), territoryUnitId);
        Map<Long, Integer> distance = new HashMap<>();
        for (int i = 0; i < lineage.size(); i++) distance.put(lineage.get(i).id(), i);
        LocalDate today = today();
        record Match(HandlingUnit unit, int distance) {
        }
        List<Match> matches = new ArrayList<>();
        for (HandlingUnit unit : state.directory().ofKind(UnitKind.DEPARTMENT)) {
            if (!unit.inForceOn(today) || !unit.handles(categoryKey)) continue;
            unit.coverage().stream().map(distance::get).filter(d -> d != null).min(Integer::compare)
                    .ifPresent(d -> matches.add(new Match(unit, d)));
        }
        return matches.stream().sorted(Comparator.comparingInt(Match::distance).thenComparing(m -> m.unit().name()))
                .map(Match::unit).toList();
    }

    /** Where a case escalates: community → street → district government; district bureau → district government. */
    public Optional<HandlingUnit> supervisorOf(long handlingUnitId) {
        Directory directory = state.directory();
        return directory.find(handlingUnitId).map(HandlingUnit::supervisorId).flatMap(directory::find);
    }

    /** The units in force that the user works for. */
    public List<HandlingUnit> unitsOf(long userId) {
        Directory directory = state.directory();
        LocalDate today = today();
        return directory.membershipsOf(userId).stream().map(m -> directory.find(m.unitId())).flatMap(Optional::stream)
                .filter(u -> u.inForceOn(today)).sorted(Comparator.comparing(HandlingUnit::name)).toList();
    }

    public List<Membership> membersOf(long handlingUnitId) {
        return state.directory().membersOf(handlingUnitId);
    }

    /** The grid workers assigned to the grid: the users with the grid-worker role whose jurisdiction lists it. */
    public List<UserSummary> gridWorkersOf(long gridId) {
        return users.serving(gridId, Role.GRID_WORKER);
    }

    /** The units directly supervised by this one. */
    public List<HandlingUnit> subordinatesOf(long handlingUnitId) {
        return state.directory().all().stream().filter(u -> u.supervisorId() != null && u.supervisorId() == handlingUnitId)
                .sorted(Comparator.comparing(HandlingUnit::name)).toList();
    }

    /** The unit, if the actor may see it. */
    public Optional<HandlingUnit> visible(Actor actor, long id) {
        Directory directory = state.directory();
        DivisionTree tree = territory.tree(null);
        return directory.find(id).filter(u -> UnitScope.visible(actor, u, tree, directory));
    }

    /** The units of a kind the actor may see whose name, department key or category contains the query. */
    public List<HandlingUnit> search(Actor actor, UnitKind kind, String query) {
        Directory directory = state.directory();
        DivisionTree tree = territory.tree(null);
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return directory.ofKind(kind).stream()
                .filter(u -> q.isEmpty() || u.name().toLowerCase(Locale.ROOT).contains(q)
                        || (u.departmentKey() != null && u.departmentKey().contains(q)) || u.categories().contains(q))
                .filter(u -> UnitScope.visible(actor, u, tree, directory)).toList();
    }

    /** The place and its ancestors, nearest first; empty for a place not in today's territory. */
    private static List<Division> lineage(DivisionTree tree, long territoryUnitId) {
        Optional<Division> place = tree.find(territoryUnitId);
        if (place.isEmpty()) return List.of();
        List<Division> lineage = new ArrayList<>(tree.ancestors(territoryUnitId));
        lineage.add(place.get());
        java.util.Collections.reverse(lineage);
        return lineage;
    }

    private static Optional<HandlingUnit> inForce(Optional<HandlingUnit> unit) {
        LocalDate today = today();
        return unit.filter(u -> u.inForceOn(today));
    }

    static LocalDate today() {
        return LocalDate.now(CITY_ZONE);
    }
}
