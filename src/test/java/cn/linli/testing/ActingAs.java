package cn.linli.testing;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.linli.access.internal.SignedInUser;
import cn.linli.access.internal.UserAccounts;

/** Runs service calls in a test as a stored user, as the web layer would after their login. */
public final class ActingAs {

    private ActingAs() {
    }

    public static void user(UserAccounts accounts, String username) {
        SignedInUser user = SignedInUser.of(accounts.findByUsername(username).orElseThrow(
                () -> new IllegalStateException("no stored user " + username)));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    public static void nobody() {
        SecurityContextHolder.clearContext();
    }
}
