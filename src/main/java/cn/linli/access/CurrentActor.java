package cn.linli.access;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.linli.access.internal.SignedInUser;

/**
 * Who is acting in the current request: the logged-in user with roles and jurisdiction. Modules ask it rather than
 * Spring Security, so that jurisdiction checks live in their query APIs and do not depend on how users log in.
 */
@Component
public class CurrentActor {

    /**
     * The logged-in user.
     *
     * @throws AuthenticationCredentialsNotFoundException when nobody is logged in; inside a web request Spring
     *                                                    Security answers it with the login page or a 401
     */
    public Actor current() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException(
                "Nobody is logged in: CurrentActor.current() needs a logged-in user; use find() where anonymous access is allowed"));
    }

    /**
     * The logged-in user, or empty for anonymous requests and background work; also empty while the user still owes
     * the authenticator code of a two-factor login, since until then nobody is proven to be them.
     */
    public Optional<Actor> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof SignedInUser user && !user.codePending()) {
            return Optional.of(user.actor());
        }
        return Optional.empty();
    }
}
