package cn.linli.casework.internal;

import java.util.Set;

import cn.linli.access.Role;

/**
 * Who acts on a case, as the case's rules need to know them: their roles, the handling units they act for, and
 * whether their jurisdiction covers the case's location (decided by territory before the rules run).
 */
public record CaseActor(String username, Set<Role> roles, Set<Long> handlingUnits, boolean coversLocation) {

    public CaseActor {
        roles = Set.copyOf(roles);
        handlingUnits = Set.copyOf(handlingUnits);
    }

    boolean has(Role role) {
        return roles.contains(role);
    }

    boolean actsFor(Long unitId) {
        return unitId != null && handlingUnits.contains(unitId);
    }

    /** Takes requests at the window or on the phone for the place (全科社工 and up); grid workers report patrols. */
    boolean mayTakeIn() {
        return has(Role.CITY_ADMIN) || (coversLocation && (has(Role.COMMUNITY_STAFF) || has(Role.STREET_STAFF)
                || has(Role.DISTRICT_STAFF) || has(Role.GRID_WORKER)));
    }

    /** Dispatches, approves extensions and suspends: the back office of the place (后台分类处置). */
    boolean mayDispatch() {
        return has(Role.CITY_ADMIN) || (coversLocation && (has(Role.STREET_STAFF) || has(Role.DISTRICT_STAFF)));
    }

    /** Verifies results and supervises: the supervision side of the place (监管分离). */
    boolean maySupervise() {
        return has(Role.CITY_ADMIN) || (coversLocation && (has(Role.GRID_WORKER) || has(Role.STREET_STAFF)
                || has(Role.DISTRICT_STAFF)));
    }
}
