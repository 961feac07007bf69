package cn.linli.access;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user to create: the login name, the name others see, the first password, roles and the units served. Checked
 * when built, so a rejected user never reaches the database. The username is kept in lower case, because people type
 * their login name in whatever case they remember.
 *
 * @param mustChangePassword true when the password was handed over by someone else and the user must replace it at
 *                           first login
 */
public record NewUser(String username, String displayName, String rawPassword, Set<Role> roles, Set<Long> unitIds,
        boolean mustChangePassword) {

    /** Pinyin, staff numbers and e-mail-like names: 3 to 32 characters, starting with a letter or digit. */
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    static final int DISPLAY_NAME_MAX = 100;

    public NewUser {
        username = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        displayName = displayName == null ? "" : displayName.strip();
        roles = Set.copyOf(roles == null ? Set.of() : roles);
        unitIds = Set.copyOf(unitIds == null ? Set.of() : unitIds);
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidUserException("username", "access.user.username.pattern",
                    "the username must be 3 to 32 letters, digits, dots, underscores or hyphens, starting with a letter or digit");
        }
        if (displayName.isEmpty() || displayName.length() > DISPLAY_NAME_MAX) {
            throw new InvalidUserException("displayName", "access.user.displayName.length",
                    "the display name must have 1 to " + DISPLAY_NAME_MAX + " characters", DISPLAY_NAME_MAX);
        }
        if (roles.isEmpty()) {
            throw new InvalidUserException("roles", "access.user.roles.empty", "a user needs at least one role");
        }
        checkSeparation(roles).ifPresent(refusal -> {
            throw refusal;
        });
        if (!roles.contains(Role.CITY_ADMIN) && roles.stream().noneMatch(Role::isAdministrator) && unitIds.isEmpty()) {
            throw new InvalidUserException("unitIds", "access.user.units.empty",
                    "a user who is not a city administrator needs at least one unit");
        }
        if (roles.stream().anyMatch(Role::isAdministrator) && !unitIds.isEmpty()) {
            throw new InvalidUserException("unitIds", "access.user.units.administrator",
                    "the system, security and audit administrators serve no unit: they see no residents or cases");
        }
        if (unitIds.stream().anyMatch(id -> id <= 0)) {
            throw new InvalidUserException("unitIds", "access.user.units.invalid", "unit ids are positive numbers");
        }
        PasswordPolicy.check(rawPassword).ifPresent(violation -> {
            throw new InvalidUserException("password", violation.code(), violation.englishMessage(), violation.arguments());
        });
    }

    /**
     * 三员分立: an account with one of the three administrator roles holds that role alone, so that no one can both
     * act and audit, or grant themselves what they administer.
     */
    static java.util.Optional<InvalidUserException> checkSeparation(Set<Role> roles) {
        if (roles.size() > 1 && roles.stream().anyMatch(Role::isAdministrator)) {
            return java.util.Optional.of(new InvalidUserException("roles", "access.user.roles.administratorAlone",
                    "the system, security and audit administrator roles are each held alone: no account may hold two of them,"
                            + " nor one of them with another role"));
        }
        return java.util.Optional.empty();
    }

    /** The city administrator's jurisdiction is the whole city; everyone else's is the listed units. */
    public Jurisdiction jurisdiction() {
        return roles.contains(Role.CITY_ADMIN) ? new Jurisdiction(unitIds, true) : Jurisdiction.units(unitIds);
    }

    /** Never prints the password, so a logged user cannot leak it. */
    @Override
    public String toString() {
        return "NewUser[username=" + username + ", displayName=" + displayName + ", roles=" + roles + ", unitIds="
                + unitIds + ", mustChangePassword=" + mustChangePassword + "]";
    }
}
