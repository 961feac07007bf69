package cn.linli.access;

import static cn.linli.access.AuditActions.PASSWORD_CHANGED;
import static cn.linli.access.AuditActions.PASSWORD_CHANGE_REFUSED;
import static cn.linli.access.AuditActions.USER_CREATED;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import cn.linli.access.internal.PasswordSettings;
import cn.linli.access.internal.StoredUser;
import cn.linli.access.internal.UserAccounts;

/** Creates users and changes passwords; every change is audited. */
@Service
public class AccessManagement {

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final TransactionOperations transactions;
    private final CurrentActor actors;
    private final PasswordSettings policy;

    AccessManagement(UserAccounts accounts, PasswordEncoder passwords, AuditLog audit, TransactionOperations transactions,
            CurrentActor actors, PasswordSettings policy) {
        this.policy = policy;
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.transactions = transactions;
        this.actors = actors;
    }

    /**
     * Creates the user, or returns the id of the existing user with that username and changes nothing, so that
     * loaders and retried requests can call it again safely.
     *
     * @return the user's id
     */
    public long createUser(NewUser user) {
        Optional<Long> existing = idOf(user.username());
        if (existing.isPresent()) {
            return existing.get();
        }
        PasswordPolicy.check(user.rawPassword(), policy).ifPresent(violation -> {
            throw new InvalidUserException("password", violation.code(), violation.englishMessage(), violation.arguments());
        });
        try {
            return transactions.execute(status -> {
                long id = accounts.insert(user.username(), user.displayName(), passwords.encode(user.rawPassword()),
                        user.mustChangePassword(), user.roles(), user.unitIds(), Instant.now());
                audit.record(USER_CREATED, user.username(), "roles=" + user.roles() + " units=" + user.unitIds()
                        + " mustChangePassword=" + user.mustChangePassword());
                return id;
            });
        } catch (DuplicateKeyException createdMeanwhile) {
            return idOf(user.username()).orElseThrow(() -> createdMeanwhile);
        }
    }

    /**
     * Replaces a user's password after checking the current one and the password policy (at least 10 characters,
     * letters and digits, what {@code linli.access.password.*} adds, none of the last few passwords). Clears the duty
     * to change the password at first login and starts the password's life again (expiry).
     *
     * @throws PasswordRejectedException with field {@code currentPassword} or {@code newPassword}
     */
    public void changePassword(String username, String currentPassword, String newPassword) {
        StoredUser user = accounts.findByUsername(username)
                .filter(found -> currentPassword != null && passwords.matches(currentPassword, found.passwordHash()))
                .orElseThrow(() -> {
                    audit.recordAs(UserAccounts.normalize(username), PASSWORD_CHANGE_REFUSED, UserAccounts.normalize(username),
                            "current password wrong");
                    return new PasswordRejectedException("currentPassword", "access.password.currentWrong",
                            "the current password is not correct");
                });
        PasswordPolicy.check(newPassword, policy).ifPresent(violation -> {
            throw new PasswordRejectedException("newPassword", violation.code(), violation.englishMessage(),
                    violation.arguments());
        });
        if (newPassword.equals(currentPassword)) {
            throw new PasswordRejectedException("newPassword", "access.password.sameAsOld",
                    "the new password must differ from the current one");
        }
        List<String> recent = accounts.replacedPasswordHashes(user.id(), policy.history() - 1);
        if (recent.stream().anyMatch(hash -> passwords.matches(newPassword, hash))) {
            throw new PasswordRejectedException("newPassword", "access.password.reused",
                    "the new password must differ from the last " + policy.history() + " passwords", policy.history());
        }
        transactions.executeWithoutResult(status -> {
            accounts.changePassword(user.id(), user.passwordHash(), passwords.encode(newPassword), policy.history() - 1,
                    Instant.now());
            audit.recordAs(user.username(), PASSWORD_CHANGED, user.username(), null);
        });
    }

    /**
     * Gives a user a new set of roles: the security administrator's task (三员分立), never their own account, and
     * never two administrator roles (nor one with another role) on one account.
     *
     * @throws AccessDeniedException  unless the acting user is a security administrator (the refusal is audited)
     * @throws InvalidUserException   for the own account, an unknown user or roles that break a rule
     */
    public void changeRoles(String username, Set<Role> roles) {
        String target = UserAccounts.normalize(username);
        Actor actor = requireSecurityAdministrator(AuditActions.ROLES_CHANGE_REFUSED, target);
        if (actor.username().equals(target)) {
            throw new InvalidUserException("roles", "access.user.roles.own",
                    "nobody changes their own roles: another security administrator must do it");
        }
        Set<Role> wanted = roles == null ? Set.of() : Set.copyOf(roles);
        if (wanted.isEmpty()) {
            throw new InvalidUserException("roles", "access.user.roles.empty", "a user needs at least one role");
        }
        NewUser.checkSeparation(wanted).ifPresent(refusal -> {
            throw refusal;
        });
        StoredUser user = accounts.findByUsername(target).orElseThrow(() -> new InvalidUserException("username",
                "access.user.unknown", "there is no user with this username"));
        boolean administrator = wanted.stream().anyMatch(Role::isAdministrator);
        if (administrator && !user.unitIds().isEmpty()) {
            throw new InvalidUserException("unitIds", "access.user.units.administrator",
                    "the system, security and audit administrators serve no unit: they see no residents or cases");
        }
        if (!administrator && !wanted.contains(Role.CITY_ADMIN) && user.unitIds().isEmpty()) {
            throw new InvalidUserException("unitIds", "access.user.units.empty",
                    "a user who is not a city administrator needs at least one unit");
        }
        transactions.executeWithoutResult(status -> {
            accounts.replaceRoles(user.id(), wanted);
            audit.record(AuditActions.ROLES_CHANGED, target, "from=" + new TreeSet<>(user.roles()) + " to=" + new TreeSet<>(wanted));
        });
    }

    /**
     * Lifts the lock that failed logins put on a username (the security administrator's task).
     *
     * @return whether there was a lock or a failure count to forget
     */
    public boolean unlock(String username) {
        String target = UserAccounts.normalize(username);
        requireSecurityAdministrator(AuditActions.UNLOCK_REFUSED, target);
        boolean unlocked = accounts.unlock(target);
        audit.record(AuditActions.ACCOUNT_UNLOCKED, target, unlocked ? null : "nothing was locked");
        return unlocked;
    }

    private Actor requireSecurityAdministrator(String refusal, String subject) {
        Actor actor = actors.current();
        if (!actor.hasRole(Role.SECURITY_ADMIN)) {
            audit.record(refusal, subject, "roles=" + actor.roles());
            throw new AccessDeniedException("only a security administrator may do this");
        }
        return actor;
    }

    /** How many users exist (a production installation with none gets its first administrator at start-up). */
    public long userCount() {
        return accounts.count();
    }

    /** Whether an account with this username exists (enabled or not). */
    public boolean exists(String username) {
        return idOf(username).isPresent();
    }

    private Optional<Long> idOf(String username) {
        return accounts.findByUsername(username).map(StoredUser::id);
    }
}
