package cn.linli.access;

import java.util.Set;

/** A user as other modules may see them: who, with which roles, serving which units. Never the password. */
public record UserSummary(long id, String username, String displayName, Set<Role> roles, Set<Long> unitIds) {

    public UserSummary {
        roles = Set.copyOf(roles);
        unitIds = Set.copyOf(unitIds);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
