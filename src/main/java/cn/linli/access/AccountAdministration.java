package cn.linli.access;

import static cn.linli.access.AuditActions.ACCOUNT_CHANGE_REFUSED;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import cn.linli.access.UnitNames.NamedUnit;
import cn.linli.access.internal.AccountListing;
import cn.linli.access.internal.PasswordSettings;
import cn.linli.access.internal.SecondFactors;
import cn.linli.access.internal.StoredUser;
import cn.linli.access.internal.UserAccounts;
import cn.linli.access.internal.UserSessions;

/**
 * Account administration as 三员分立 divides it (decision 0012): the system administrator lists accounts and creates
 * them with a business role; the security administrator lists them, changes roles, lifts login locks, disables and
 * enables accounts, resets a lost second factor and hands out a new one-time password. Every action and every refusal
 * for want of the role is audited; the security administrator's actions never apply to their own account. Whatever
 * changes what a user may do ends their sessions, so it takes effect at once.
 */
@Service
public class AccountAdministration {

    private final AccessManagement access;
    private final UserAccounts accounts;
    private final AccountListing listing;
    private final SecondFactors secondFactors;
    private final UserSessions sessions;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final TransactionOperations transactions;
    private final CurrentActor actors;
    private final PasswordSettings policy;
    private final ObjectProvider<UnitNames> unitNames;

    AccountAdministration(AccessManagement access, UserAccounts accounts, AccountListing listing, SecondFactors secondFactors,
            UserSessions sessions, PasswordEncoder passwords, AuditLog audit, TransactionOperations transactions,
            CurrentActor actors, PasswordSettings policy, ObjectProvider<UnitNames> unitNames) {
        this.access = access;
        this.accounts = accounts;
        this.listing = listing;
        this.secondFactors = secondFactors;
        this.sessions = sessions;
        this.passwords = passwords;
        this.audit = audit;
        this.transactions = transactions;
        this.actors = actors;
        this.policy = policy;
        this.unitNames = unitNames;
    }

    /** A created account, with the generated one-time password (null when the administrator typed one). */
    public record CreatedAccount(long id, String username, String generatedPassword) {
    }

    /** One page of the accounts whose username or name contains the text, holding the role (null: any). */
    public AccountPage list(String text, Role role, int page, int size) {
        requireAccountAdministrator();
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("pages count from 0 and hold at least one account");
        }
        Instant now = Instant.now();
        long total = listing.count(text, role);
        List<AccountView> views = listing.page(text, role, page, size, now).stream().map(a -> view(a, now)).toList();
        return new AccountPage(views, total, page, size);
    }

    /** One account, for its page. */
    public Optional<AccountView> find(String username) {
        requireAccountAdministrator();
        Instant now = Instant.now();
        return listing.one(UserAccounts.normalize(username), now).map(a -> view(a, now));
    }

    /**
     * Creates an account with one business role (administrator accounts get their role from the security
     * administrator, never at creation) and a first password the user must change at their first login: the one
     * given, or, when none is given, a generated one that is returned to be shown once.
     *
     * @throws AccessDeniedException unless the acting user is a system administrator (the refusal is audited)
     * @throws InvalidUserException  for a bad or taken username, a bad name, an administrator role, an unknown unit or a
     *                               password the policy refuses; nothing is stored then
     */
    public CreatedAccount create(String username, String displayName, Role role, Set<Long> unitIds, String password) {
        requireCreator(username);
        if (role == null) {
            throw new InvalidUserException("role", "access.user.roles.empty", "a user needs at least one role");
        }
        if (role.isAdministrator()) {
            throw new InvalidUserException("role", "access.accounts.role.business",
                    "a new account gets a business role; the security administrator assigns administrator roles");
        }
        Set<Long> units = unitIds == null ? Set.of() : unitIds;
        UnitNames names = unitNames.getIfAvailable();
        if (names != null) {
            for (long unit : units) {
                if (names.find(unit).isEmpty()) {
                    throw new InvalidUserException("units", "access.accounts.unit.unknown", "there is no unit " + unit,
                            String.valueOf(unit));
                }
            }
        }
        boolean generate = password == null || password.isEmpty();
        String first = generate ? generatePassword() : password;
        NewUser user = new NewUser(username, displayName, first, Set.of(role), units, true);
        if (access.exists(user.username())) {
            throw new InvalidUserException("username", "access.accounts.username.taken", "this username is taken");
        }
        long id = access.createUser(user);
        return new CreatedAccount(id, user.username(), generate ? first : null);
    }

    /**
     * Refuses, and audits the refusal, unless the acting user is a system administrator, the one who creates accounts.
     *
     * @param username the account that was to be created, for the audit record
     */
    public void requireCreator(String username) {
        Actor actor = actors.current();
        if (!actor.hasRole(Role.SYSTEM_ADMIN)) {
            audit.record(AuditActions.USER_CREATE_REFUSED, UserAccounts.normalize(username), "roles=" + actor.roles());
            throw new AccessDeniedException("only a system administrator creates accounts");
        }
    }

    /** {@link AccessManagement#changeRoles}, and the user's sessions end so the new roles apply at once. */
    public void changeRoles(String username, Set<Role> roles) {
        access.changeRoles(username, roles);
        sessions.end(username);
    }

    /** {@link AccessManagement#unlock}. */
    public boolean unlock(String username) {
        return access.unlock(username);
    }

    /**
     * Disables or enables an account. A disabled account cannot log in, its sessions end, and other modules no longer
     * find it ({@link UserDirectory}); nothing about it is deleted.
     *
     * @return whether the account changed (false: it already was so)
     */
    public boolean setEnabled(String username, boolean enabled) {
        String action = enabled ? AuditActions.ACCOUNT_ENABLED : AuditActions.ACCOUNT_DISABLED;
        StoredUser user = securityTarget(username, action);
        boolean changed = transactions.execute(status -> {
            boolean updated = accounts.setEnabled(user.id(), enabled);
            audit.record(action, user.username(), updated ? null : "unchanged");
            return updated;
        });
        if (!enabled) {
            sessions.end(user.username());
        }
        return changed;
    }

    /**
     * Forgets the user's second factor (a lost or replaced phone): they enrol a new one at their next login, where
     * enrolment is required. Their sessions end.
     *
     * @return whether there was a second factor to forget
     */
    public boolean resetSecondFactor(String username) {
        StoredUser user = securityTarget(username, AuditActions.SECOND_FACTOR_RESET);
        boolean had = secondFactors.enrolled(user.id());
        transactions.executeWithoutResult(status -> {
            secondFactors.remove(user.id());
            audit.record(AuditActions.SECOND_FACTOR_RESET, user.username(), had ? null : "none was enrolled");
        });
        sessions.end(user.username());
        return had;
    }

    /**
     * Gives the user a new generated password, to be handed over and changed at their next login; their sessions end.
     *
     * @return the one-time password, to be shown once
     */
    public String resetPassword(String username) {
        StoredUser user = securityTarget(username, AuditActions.PASSWORD_RESET);
        String password = generatePassword();
        transactions.executeWithoutResult(status -> {
            accounts.resetPassword(user.id(), user.passwordHash(), passwords.encode(password), Instant.now());
            audit.record(AuditActions.PASSWORD_RESET, user.username(), "must change at next login");
        });
        sessions.end(user.username());
        return password;
    }

    /** Units whose name or code matches, for choosing the units of a new account. */
    public List<NamedUnit> searchUnits(String text, int limit) {
        requireAccountAdministrator();
        UnitNames names = unitNames.getIfAvailable();
        if (text == null || text.isBlank() || names == null) {
            return List.of();
        }
        return names.search(text.strip(), limit);
    }

    /**
     * The units named in the lines of a form field: each a unit code, an exact unit name, or (where no module names
     * units) an id.
     *
     * @throws InvalidUserException naming the first line that names no unit, or several units of that name
     */
    public Set<Long> resolveUnits(String lines) {
        return UnitChoice.resolve(unitNames.getIfAvailable(), lines);
    }

    /** The target of a security administrator's action: never their own account, never an unknown one. */
    private StoredUser securityTarget(String username, String action) {
        String target = UserAccounts.normalize(username);
        Actor actor = actors.current();
        if (!actor.hasRole(Role.SECURITY_ADMIN)) {
            audit.record(ACCOUNT_CHANGE_REFUSED, target, action + " roles=" + actor.roles());
            throw new AccessDeniedException("only a security administrator may do this");
        }
        if (actor.username().equals(target)) {
            audit.record(ACCOUNT_CHANGE_REFUSED, target, action + " own account");
            throw new InvalidUserException("username", "access.accounts.own",
                    "nobody does this to their own account: another security administrator must do it");
        }
        return accounts.findByUsername(target).orElseThrow(() -> new InvalidUserException("username",
                "access.user.unknown", "there is no user with this username"));
    }

    private void requireAccountAdministrator() {
        Actor actor = actors.current();
        if (!actor.hasRole(Role.SYSTEM_ADMIN) && !actor.hasRole(Role.SECURITY_ADMIN)) {
            throw new AccessDeniedException("accounts are for the system and security administrators");
        }
    }

    private AccountView view(AccountListing.Listed account, Instant now) {
        UnitNames names = unitNames.getIfAvailable();
        List<NamedUnit> units = new ArrayList<>();
        for (long id : account.unitIds()) {
            units.add(Optional.ofNullable(names).flatMap(n -> n.find(id)).orElse(new NamedUnit(id, "#" + id, null, null)));
        }
        long age = account.passwordSetAt() == null ? 0 : Duration.between(account.passwordSetAt(), now).toDays();
        return new AccountView(account.id(), account.username(), account.displayName(), account.roles(), units,
                account.enabled(), account.lockedUntil(), account.secondFactor(), account.passwordSetAt(), age,
                account.mustChangePassword(), policy.expired(account.passwordSetAt(), now), account.lastLoginAt());
    }

    String generatePassword() {
        return OneTimePasswords.generate(policy);
    }
}
