package cn.linli.access.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a user on the steps login still owes, in this order: the authenticator code (two-factor login), then the
 * change-password page for a handed-over (the first administrator, users created with {@code mustChangePassword})
 * or expired password, then, for administrators where it is required, the enrolment of a second factor.
 */
final class PasswordChangeGate extends OncePerRequestFilter {

    private final RequestMatcher always = new OrRequestMatcher(List.of(
            PathPatternRequestMatcher.pathPattern("/logout"),
            PathPatternRequestMatcher.pathPattern("/login"),
            PathPatternRequestMatcher.pathPattern("/error"),
            PathPatternRequestMatcher.pathPattern("/css/**"),
            PathPatternRequestMatcher.pathPattern("/js/**"),
            PathPatternRequestMatcher.pathPattern("/img/**"),
            PathPatternRequestMatcher.pathPattern("/webjars/**"),
            PathPatternRequestMatcher.pathPattern("/favicon.ico")));
    private final RequestMatcher codePage = PathPatternRequestMatcher.pathPattern(LoginOutcomes.CODE_PAGE);
    private final RequestMatcher passwordPage = PathPatternRequestMatcher.pathPattern(LoginOutcomes.PASSWORD_PAGE);
    private final RequestMatcher enrolmentPage = PathPatternRequestMatcher.pathPattern(LoginOutcomes.ENROLMENT_PAGE);
    private final RequestMatcher api;
    private final ApiSecurityErrors apiErrors;

    PasswordChangeGate(RequestMatcher api, ApiSecurityErrors apiErrors) {
        this.api = api;
        this.apiErrors = apiErrors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String owed = authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                ? LoginOutcomes.nextStep(user) : null;
        if (owed == null || always.matches(request) || pageOf(owed).matches(request)) {
            chain.doFilter(request, response);
        } else if (api.matches(request)) {
            apiErrors.write(request, response, HttpStatus.FORBIDDEN, LoginOutcomes.CODE_PAGE.equals(owed)
                    ? "access.code.required" : LoginOutcomes.PASSWORD_PAGE.equals(owed)
                    ? "access.password.changeRequired" : "access.enrolment.required");
        } else {
            response.sendRedirect(request.getContextPath() + owed);
        }
    }

    private RequestMatcher pageOf(String step) {
        if (LoginOutcomes.CODE_PAGE.equals(step)) return codePage;
        if (LoginOutcomes.PASSWORD_PAGE.equals(step)) return passwordPage;
        return enrolmentPage;
    }
}
