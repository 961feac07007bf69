package cn.linli.worktime.web;

import org.springframework.security.access.AccessDeniedException;

import cn.linli.access.CurrentActor;
import cn.linli.access.Role;

/**
 * Who may change the official calendar: the city's administrators. Every staff member reads it; a wrong holiday
 * moves every deadline in the city, so changes stay with the few who configure the platform.
 */
final class CalendarEditors {

    private CalendarEditors() {
    }

    static boolean mayEdit(CurrentActor actors) {
        return actors.find().map(actor -> actor.hasRole(Role.CITY_ADMIN)).orElse(false);
    }

    static void require(CurrentActor actors) {
        if (!mayEdit(actors)) throw new AccessDeniedException("calendar changes need a city administrator");
    }
}
