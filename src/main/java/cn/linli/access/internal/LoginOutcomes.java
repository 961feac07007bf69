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
 * Where the browser goes after a login attempt: to the step login still owes (the authenticator code, a password
 * change, the enrolment of a second factor), else to the page asked for or the start page; after a failure back to
 * the login form, which says why.
 */
public final class LoginOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String PASSWORD_PAGE = "/account/password";
    public static final String CODE_PAGE = "/login/code";
    public static final String ENROLMENT_PAGE = "/account/second-factor";

    private final RedirectStrategy redirects = new DefaultRedirectStrategy();
    private final SavedRequestAwareAuthenticationSuccessHandler usualSuccess = new SavedRequestAwareAuthenticationSuccessHandler();

    LoginOutcomes() {
        usualSuccess.setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        String owed = authentication.getPrincipal() instanceof SignedInUser user ? nextStep(user) : null;
        if (owed != null) {
            redirects.sendRedirect(request, response, owed);
        } else {
            usualSuccess.onAuthenticationSuccess(request, response, authentication);
        }
    }

    /** The page of the next step the user owes before they may work, or null when login is complete. */
    public static String nextStep(SignedInUser user) {
        if (user.codePending()) return CODE_PAGE;
        if (user.mustChangePassword()) return PASSWORD_PAGE;
        if (user.enrolmentRequired()) return ENROLMENT_PAGE;
        return null;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException {
        String target = failure instanceof LoginThrottledException throttled
                ? "/login?locked=" + throttled.minutes() : "/login?error";
        redirects.sendRedirect(request, response, target);
    }
}
