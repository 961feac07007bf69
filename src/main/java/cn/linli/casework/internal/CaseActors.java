package cn.linli.casework.internal;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.linli.access.Actor;
import cn.linli.access.CurrentActor;
import cn.linli.access.Role;
import cn.linli.organisation.HandlingUnit;
import cn.linli.organisation.Organisation;
import cn.linli.territory.TerritoryQueries;

/**
 * The signed-in user as a case's rules see them: roles, the handling units they act for (from organisation), and
 * whether their jurisdiction covers the case's place (from territory).
 */
@Component
class CaseActors {

    private static final Set<Role> TERRITORIAL = Set.of(Role.CITY_ADMIN, Role.DISTRICT_STAFF, Role.STREET_STAFF,
            Role.COMMUNITY_STAFF, Role.GRID_WORKER);

    private final CurrentActor actors;
    private final Organisation organisation;
    private final TerritoryQueries territory;

    CaseActors(CurrentActor actors, Organisation organisation, TerritoryQueries territory) {
        this.actors = actors;
        this.organisation = organisation;
        this.territory = territory;
    }

    CaseActor current(CaseDetails.Place place) {
        Actor actor = actors.current();
        Set<Long> units = organisation.unitsOf(actor.userId()).stream().map(HandlingUnit::id).collect(Collectors.toSet());
        return new CaseActor(actor.username(), actor.roles(), units, covers(actor, place));
    }

    /** Whether the user may see a case: their jurisdiction covers its place, or it was dispatched to their unit. */
    boolean maySee(CaseActor actor, Set<Long> caseUnits) {
        return actor.coversLocation() || caseUnits.stream().anyMatch(actor::actsFor);
    }

    /**
     * Territorial staff see the cases of their places. Department staff see only what was dispatched to their unit:
     * a utility's coverage is where it serves, not a licence to read every resident's complaint there.
     */
    private boolean covers(Actor actor, CaseDetails.Place place) {
        if (actor.roles().stream().noneMatch(TERRITORIAL::contains)) return false;
        if (actor.jurisdiction().unrestricted()) return true;
        Long unit = place.gridId() != null ? place.gridId() : place.communityId() != null ? place.communityId()
                : place.townshipId() != null ? place.townshipId() : place.countyId();
        return unit != null && territory.covers(actor.jurisdiction(), unit, null);
    }
}
