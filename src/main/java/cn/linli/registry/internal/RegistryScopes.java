package cn.linli.registry.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.linli.access.Actor;
import cn.linli.access.CurrentActor;
import cn.linli.access.Role;
import cn.linli.shared.DivisionLevel;
import cn.linli.territory.DivisionTree;
import cn.linli.territory.TerritoryQueries;

/**
 * Works out the acting user's {@link Scope}. Registry data follows territorial responsibility (属地管理): grid workers
 * their grids, community staff their community, and so up to the city. A department's jurisdiction is where it
 * acts, not whose personal data it holds, so department staff see no resident unless a later grant says so.
 */
@Component
public class RegistryScopes {

    static final Set<Role> TERRITORIAL = EnumSet.of(Role.CITY_ADMIN, Role.DISTRICT_STAFF, Role.STREET_STAFF,
            Role.COMMUNITY_STAFF, Role.GRID_WORKER);

    private static final java.time.ZoneId CITY_ZONE = java.time.ZoneId.of("Asia/Shanghai");

    private final CurrentActor actors;
    private final TerritoryQueries territory;

    RegistryScopes(CurrentActor actors, TerritoryQueries territory) {
        this.actors = actors;
        this.territory = territory;
    }

    public Scope current() {
        return actors.find().map(this::of).orElse(Scope.none());
    }

    public Scope of(Actor actor) {
        if (actor.roles().stream().noneMatch(TERRITORIAL::contains) || actor.jurisdiction().isEmpty()) return Scope.none();
        if (actor.jurisdiction().unrestricted()) return Scope.all();
        DivisionTree tree = territory.tree(LocalDate.now(CITY_ZONE));
        return new Scope(false, tree.atLevel(DivisionLevel.GRID).stream()
                .filter(grid -> tree.covers(actor.jurisdiction(), grid.id()))
                .map(grid -> grid.id()).collect(Collectors.toSet()));
    }

    /** Names in full for those who serve residents in person (grid workers, community staff); masked above them. */
    public boolean seesFullNames() {
        return actors.find().map(a -> a.hasRole(Role.GRID_WORKER) || a.hasRole(Role.COMMUNITY_STAFF)).orElse(false);
    }
}
