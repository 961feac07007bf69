package cn.linli.access;

import static cn.linli.access.AuditActions.PASSWORD_CHANGED;
import static cn.linli.access.AuditActions.PASSWORD_CHANGE_REFUSED;
import static cn.linli.access.AuditActions.USER_CREATED;

import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import cn.linli.access.internal.StoredUser;
import cn.linli.access.internal.UserAccounts;

/** Creates users and changes passwords; every change is audited. */
@Service
public class AccessManagement {

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final TransactionOperations transactions;

    AccessManagement(UserAccounts accounts, PasswordEncoder passwords, AuditLog audit, TransactionOperations transactions) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.transactions = transactions;
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
     * letters and digits, not the current password). Clears the duty to change the password at first login.
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
        PasswordPolicy.check(newPassword).ifPresent(violation -> {
            throw new PasswordRejectedException("newPassword", violation.code(), violation.englishMessage(),
                    violation.arguments());
        });
        if (newPassword.equals(currentPassword)) {
            throw new PasswordRejectedException("newPassword", "access.password.sameAsOld",
                    "the new password must differ from the current one");
        }
        transactions.executeWithoutResult(status -> {
            accounts.changePassword(user.id(), passwords.encode(newPassword), false);
            audit.recordAs(user.username(), PASSWORD_CHANGED, user.username(), null);
        });
    }

    /** How many users exist (a production installation with none gets its first administrator at start-up). */
    public long userCount() {
        return accounts.count();
    }

    private Optional<Long> idOf(String username) {
        return accounts.findByUsername(username).map(StoredUser::id);
    }
}
