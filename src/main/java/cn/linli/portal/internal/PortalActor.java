package cn.linli.portal.internal;

import java.util.Set;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import cn.linli.access.Actor;
import cn.linli.access.Jurisdiction;
import cn.linli.access.Role;
import cn.linli.access.SystemActors;

/**
 * The portal as casework sees it (docs/decisions/0008, 0009): a machine actor that takes requests in anywhere in the
 * city, like a community window, and records residents' return visits; it can neither dispatch nor verify. Residents
 * have no accounts, so what they do reaches casework only through the portal's own checks and as this actor.
 */
@Component
public class PortalActor {

    static final Actor PORTAL = new Actor(0, "portal:web", "居民门户", Set.of(Role.COMMUNITY_STAFF), Jurisdiction.wholeCity());

    private final SystemActors systemActors;

    PortalActor(SystemActors systemActors) {
        this.systemActors = systemActors;
    }

    public <T> T run(Supplier<T> work) {
        return systemActors.actingAs(PORTAL, work);
    }

    public void run(Runnable work) {
        systemActors.actingAs(PORTAL, () -> {
            work.run();
            return null;
        });
    }
}
