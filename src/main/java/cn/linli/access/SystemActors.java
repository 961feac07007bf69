package cn.linli.access;

import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.linli.access.internal.SignedInUser;

/**
 * Runs work on behalf of an actor that is not a logged-in person: a machine client that proved itself by other means
 * (an Open311 API key), so that the modules' rules, which ask {@link CurrentActor}, judge it like any user with the
 * given roles and jurisdiction. The caller is responsible for having authenticated the client and for giving it no
 * more than it needs; the actor holds only for the duration of the work, on the current thread, and whatever context
 * was there before is restored afterwards.
 * <p>
 * A machine actor can never pass for a person or an administrator: its id is not a user's (zero or below), its name
 * carries a ':' that no username may contain ({@code open311:app}), so audit lines and histories show it for what
 * it is, and it may not hold the city administrator's role.
 */
@Component
public class SystemActors {

    /** Whoever is acting now is replaced by {@code actor} while {@code work} runs. */
    public <T> T actingAs(Actor actor, Supplier<T> work) {
        if (actor.userId() > 0 || !actor.username().contains(":") || actor.hasRole(Role.CITY_ADMIN)) {
            throw new IllegalArgumentException("not a machine actor: " + actor.username());
        }
        SecurityContext before = SecurityContextHolder.getContext();
        SignedInUser principal = SignedInUser.of(actor);
        SecurityContext during = SecurityContextHolder.createEmptyContext();
        during.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(during);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
