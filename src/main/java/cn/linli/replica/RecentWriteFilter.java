package cn.linli.replica;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Read-your-own-writes across requests: a state-changing request is marked for the primary and leaves a cookie that
 * keeps the same client's reads on the primary for {@code primary-after-write}, so the page after a form (a redirect)
 * or a resident's tracking page after a report shows what was just written, whatever the replica's lag. The cookie
 * holds the instant it runs out, checked here too, so a client that keeps cookies too long gains nothing. Clients that
 * keep no cookies (most Open311 clients) may read a write back a moment late from the replica.
 */
class RecentWriteFilter extends OncePerRequestFilter {

    static final String COOKIE = "LINLI_RECENT_WRITE";

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Duration primaryAfterWrite;
    private final Clock clock;

    RecentWriteFilter(Duration primaryAfterWrite, Clock clock) {
        this.primaryAfterWrite = primaryAfterWrite;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean writes = !READS.contains(request.getMethod());
        if (writes) remember(request, response);
        RecentWrite.mark(writes || wroteRecently(request));
        try {
            chain.doFilter(request, response);
        } finally {
            RecentWrite.clear();
        }
    }

    private void remember(HttpServletRequest request, HttpServletResponse response) {
        long until = clock.millis() + primaryAfterWrite.toMillis();
        Cookie cookie = new Cookie(COOKIE, Long.toString(until));
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge((int) Math.max(1, primaryAfterWrite.toSeconds()));
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private boolean wroteRecently(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) return false;
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                try {
                    return Long.parseLong(cookie.getValue()) > clock.millis();
                } catch (NumberFormatException notOurs) {
                    return false;
                }
            }
        }
        return false;
    }
}
