package cn.linli.access;

import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The signed-in user on whose behalf code runs: who they are, what they may do ({@link Role}s) and for which units
 * ({@link Jurisdiction}).
 */
public record Actor(long userId, String username, String displayName, Set<Role> roles, Jurisdiction jurisdiction)
        implements Serializable {

    public Actor {
        roles = roleSet(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Whether the user holds any of the named roles (for templates, which name roles as text). */
    public boolean hasAnyRole(String... roleNames) {
        for (String name : roleNames) {
            if (roles.stream().anyMatch(r -> r.name().equals(name))) return true;
        }
        return false;
    }

    /** A city administrator: configures the platform and reads the audit trail (used by the layout's menu). */
    public boolean isCityAdmin() {
        return hasRole(Role.CITY_ADMIN);
    }

    /** Roles in their declared order, so pages list them the same way every time. */
    private static Set<Role> roleSet(Collection<Role> roles) {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        if (roles != null) {
            set.addAll(roles);
        }
        return Collections.unmodifiableSet(set);
    }
}
