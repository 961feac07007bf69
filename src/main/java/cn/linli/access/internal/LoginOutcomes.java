package cn.linli.access.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Where the browser goes after a login attempt: to the password form when the password must be changed, else to the
 * page asked for or the start page; after a failure back to the login form, which says why.
 */
final class LoginOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String PASSWORD_PAGE = "/account/password";

    private final RedirectStrategy redirects = new DefaultRedirectStrategy();
    private final SavedRequestAwareAuthenticationSuccessHandler usualSuccess = new SavedRequestAwareAuthenticationSuccessHandler();

    LoginOutcomes() {
        usualSuccess.setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        if (authentication.getPrincipal() instanceof SignedInUser user && user.mustChangePassword()) {
            redirects.sendRedirect(request, response, PASSWORD_PAGE);
        } else {
            usualSuccess.onAuthenticationSuccess(request, response, authentication);
        }
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException {
        String target = failure instanceof LoginThrottledException throttled
                ? "/login?locked=" + throttled.minutes() : "/login?error";
        redirects.sendRedirect(request, response, target);
    }
}
