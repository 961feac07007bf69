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
 * Keeps a user whose password was handed to them (the first administrator, users created with
 * {@code mustChangePassword}) on the change-password page until they have chosen their own.
 */
final class PasswordChangeGate extends OncePerRequestFilter {

    private final RequestMatcher allowed = new OrRequestMatcher(List.of(
            PathPatternRequestMatcher.pathPattern(LoginOutcomes.PASSWORD_PAGE),
            PathPatternRequestMatcher.pathPattern("/logout"),
            PathPatternRequestMatcher.pathPattern("/login"),
            PathPatternRequestMatcher.pathPattern("/error"),
            PathPatternRequestMatcher.pathPattern("/css/**"),
            PathPatternRequestMatcher.pathPattern("/js/**"),
            PathPatternRequestMatcher.pathPattern("/img/**"),
            PathPatternRequestMatcher.pathPattern("/webjars/**"),
            PathPatternRequestMatcher.pathPattern("/favicon.ico")));
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
        boolean mustChange = authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                && user.mustChangePassword();
        if (!mustChange || allowed.matches(request)) {
            chain.doFilter(request, response);
        } else if (api.matches(request)) {
            apiErrors.write(request, response, HttpStatus.FORBIDDEN, "access.password.changeRequired");
        } else {
            response.sendRedirect(request.getContextPath() + LoginOutcomes.PASSWORD_PAGE);
        }
    }
}
