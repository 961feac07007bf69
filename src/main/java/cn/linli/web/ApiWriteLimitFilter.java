package cn.linli.web;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Semaphore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * A bound on the writes to {@code /api/**} that one instance works on at once ({@code linli.web.max-api-writes}): the
 * one over the bound gets an immediate 503 with {@code Retry-After} instead of queueing behind the others until the
 * client gives up. Writes are what hold database connections and locks longest; reads and pages are left to Tomcat's
 * thread pool. 0 (the default) means no bound, so the benchmarks measure Linli, not this filter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ApiWriteLimitFilter extends OncePerRequestFilter {

    private final Semaphore permits;
    private final JsonMapper json;
    private final MessageSource messages;
    private final LocaleResolver locales;

    ApiWriteLimitFilter(@Value("${linli.web.max-api-writes:0}") int maxWrites, JsonMapper json, MessageSource messages,
            LocaleResolver locales) {
        if (maxWrites < 0) {
            throw new IllegalArgumentException("linli.web.max-api-writes must be 0 (no bound) or more, not " + maxWrites);
        }
        this.permits = maxWrites == 0 ? null : new Semaphore(maxWrites);
        this.json = json;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return permits == null || !path.startsWith("/api/") || isRead(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!permits.tryAcquire()) {
            refuse(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        Locale locale = locales.resolveLocale(request);
        response.setStatus(status.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(),
                ApiError.of(status.value(), status.getReasonPhrase(), messages.getMessage("web.error.busy", null, locale)));
    }

    static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }
}
