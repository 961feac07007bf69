package cn.linli.access.internal;

import java.io.Serial;
import java.util.Collection;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import cn.linli.access.Actor;
import cn.linli.access.Role;

/**
 * The principal of a logged-in session: the {@link Actor} as it was at login, plus whether the password must be
 * changed first. Kept in the HTTP session, so it is serializable and forgets the password hash once login is done.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Actor actor;
    private final boolean enabled;
    private final boolean mustChangePassword;
    private String passwordHash;

    private SignedInUser(Actor actor, String passwordHash, boolean enabled, boolean mustChangePassword) {
        this.actor = actor;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.mustChangePassword = mustChangePassword;
    }

    public static SignedInUser of(StoredUser user) {
        return new SignedInUser(user.toActor(), user.passwordHash(), user.enabled(), user.mustChangePassword());
    }

    /** A session principal for an actor who needs no password change, e.g. for tests that act as a given user. */
    public static SignedInUser of(Actor actor) {
        return new SignedInUser(actor, null, true, false);
    }

    /** The same user after they have chosen their own password. */
    public SignedInUser withPasswordChanged() {
        return new SignedInUser(actor, null, enabled, false);
    }

    public Actor actor() {
        return actor;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
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
