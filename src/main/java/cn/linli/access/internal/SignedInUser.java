package cn.linli.access.internal;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import cn.linli.access.Actor;
import cn.linli.access.Role;

/**
 * The principal of a logged-in session: the {@link Actor} as it was at login, plus what the user must still do
 * before anything else: give the code of their authenticator app (two-factor login), change a handed-over or expired
 * password, enrol a second factor. Kept in the HTTP session, so it is serializable and forgets the password hash
 * once login is done. While the code is outstanding the session holds no role at all.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 2L;

    private final Actor actor;
    private final boolean enabled;
    private final boolean mustChangePassword;
    private final boolean passwordExpired;
    private final boolean codePending;
    private final boolean enrolmentRequired;
    private String passwordHash;

    private SignedInUser(Actor actor, String passwordHash, boolean enabled, boolean mustChangePassword,
            boolean passwordExpired, boolean codePending, boolean enrolmentRequired) {
        this.actor = actor;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.mustChangePassword = mustChangePassword;
        this.passwordExpired = passwordExpired;
        this.codePending = codePending;
        this.enrolmentRequired = enrolmentRequired;
    }

    public static SignedInUser of(StoredUser user) {
        return new SignedInUser(user.toActor(), user.passwordHash(), user.enabled(), user.mustChangePassword(), false,
                false, false);
    }

    /** The principal a password login yields, with the steps still owed before the user may work. */
    static SignedInUser atLogin(StoredUser user, boolean passwordExpired, boolean codePending, boolean enrolmentRequired) {
        return new SignedInUser(user.toActor(), user.passwordHash(), user.enabled(), user.mustChangePassword(),
                passwordExpired, codePending, enrolmentRequired);
    }

    /** A session principal for an actor who needs no password change, e.g. for tests that act as a given user. */
    public static SignedInUser of(Actor actor) {
        return new SignedInUser(actor, null, true, false, false, false, false);
    }

    /** The same user after they have chosen their own password. */
    public SignedInUser withPasswordChanged() {
        return new SignedInUser(actor, null, enabled, false, false, codePending, enrolmentRequired);
    }

    /** The same user after their authenticator code was accepted. */
    public SignedInUser withCodeAccepted() {
        return new SignedInUser(actor, null, enabled, mustChangePassword, passwordExpired, false, enrolmentRequired);
    }

    /** The same user after they enrolled their second factor. */
    public SignedInUser withSecondFactorEnrolled() {
        return new SignedInUser(actor, null, enabled, mustChangePassword, passwordExpired, codePending, false);
    }

    public Actor actor() {
        return actor;
    }

    /** The password was handed over by someone else, or has expired: it must be changed before anything else. */
    public boolean mustChangePassword() {
        return mustChangePassword || passwordExpired;
    }

    public boolean passwordExpired() {
        return passwordExpired;
    }

    /** The password was right; the authenticator code is still outstanding. */
    public boolean codePending() {
        return codePending;
    }

    /** An administrator without a second factor, in a mode that requires one. */
    public boolean enrolmentRequired() {
        return enrolmentRequired;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        if (codePending) {
            return List.of();
        }
        return actor.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "SignedInUser[" + actor.username() + ", roles=" + actor.roles() + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInUser that && actor.username().equals(that.actor.username());
    }

    @Override
    public int hashCode() {
        return actor.username().hashCode();
    }
}
