package cn.linli.access;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An account as the administrators' account list shows it.
 *
 * @param units           the units served, with their names where a {@link UnitNames} knows them
 * @param lockedUntil     while failed logins keep the username locked, until when; else null
 * @param passwordSetAt   when the password was last set (created, changed or reset)
 * @param passwordExpired the password is older than {@code linli.access.password.expiry}
 * @param lastLoginAt     the last successful login, null if none is known
 */
public record AccountView(long id, String username, String displayName, Set<Role> roles, List<UnitNames.NamedUnit> units,
        boolean enabled, Instant lockedUntil, boolean secondFactor, Instant passwordSetAt, long passwordAgeDays,
        boolean mustChangePassword, boolean passwordExpired, Instant lastLoginAt) {

    public AccountView {
        roles = Set.copyOf(roles);
        units = List.copyOf(units);
    }

    public boolean locked() {
        return lockedUntil != null;
    }

    public boolean administrator() {
        return roles.stream().anyMatch(Role::isAdministrator);
    }
}
