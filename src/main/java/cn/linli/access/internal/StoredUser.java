package cn.linli.access.internal;

import java.time.Instant;
import java.util.Set;

import cn.linli.access.Actor;
import cn.linli.access.Jurisdiction;
import cn.linli.access.Role;

/** A user as stored: the account row with its roles and units, and when the password was last set. */
public record StoredUser(long id, String username, String displayName, String passwordHash, boolean mustChangePassword,
        boolean enabled, Set<Role> roles, Set<Long> unitIds, Instant passwordSetAt) {

    public StoredUser {
        roles = Set.copyOf(roles);
        unitIds = Set.copyOf(unitIds);
    }

    public Jurisdiction jurisdiction() {
        return roles.contains(Role.CITY_ADMIN) ? new Jurisdiction(unitIds, true) : Jurisdiction.units(unitIds);
    }

    public Actor toActor() {
        return new Actor(id, username, displayName, roles, jurisdiction());
    }

    @Override
    public String toString() {
        return "StoredUser[id=" + id + ", username=" + username + ", roles=" + roles + ", unitIds=" + unitIds + "]";
    }
}
