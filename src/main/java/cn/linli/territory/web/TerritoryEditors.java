package cn.linli.territory.web;

import org.springframework.security.access.AccessDeniedException;

import cn.linli.access.Actor;
import cn.linli.access.CurrentActor;
import cn.linli.access.Role;

/** Who may change the territory (divisions, code lists, boundaries): the city's civil-affairs administrators. */
final class TerritoryEditors {

    private TerritoryEditors() {
    }

    static Actor require(CurrentActor actors) {
        Actor actor = actors.current();
        if (!actor.hasRole(Role.CITY_ADMIN)) throw new AccessDeniedException("territory changes need a city administrator");
        return actor;
    }
}
