package cn.linli.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 503 when a request fails because the database cannot be reached, instead of a 500 that says nothing: a
 * JSON {@link ApiError} under {@code /api/**}, a plain page (in the user's language) everywhere else, both with
 * {@code Retry-After}. It wraps every other filter, so a failure in the login or in a page's controller is caught
 * alike. The pool's {@code connection-timeout} bounds how long a request waits for a connection before it gets here
 * (docs/operations.md, "Faults and what Linli does"); the pool reconnects by itself when the database is back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);
    /** Seconds a client should wait before trying again: about the pool's time-out to reconnect. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final JsonMapper json;
    private final MessageSource messages;
    private final LocaleResolver locales;

    DatabaseOutageFilter(JsonMapper json, MessageSource messages, LocaleResolver locales) {
        this.json = json;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseOutage.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            answerUnavailable(request, response, e);
        }
    }

    private void answerUnavailable(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
        boolean cannotWrite = DatabaseOutage.cannotWrite(e);
        log.warn("{} {} failed: the database is {} ({})", request.getMethod(), request.getRequestURI(),
                cannotWrite ? "not writable" : "unavailable", rootMessage(e));
        response.resetBuffer();
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Locale locale = locales.resolveLocale(request);
        String message = messages.getMessage(cannotWrite ? "web.error.databaseReadOnly" : "web.error.databaseUnavailable",
                null, locale);
        if (path.startsWith("/api/")) {
            ApiError.of(status.value(), status.getReasonPhrase(), message).writeTo(response, json);
        } else {
            response.setStatus(status.value());
            response.setCharacterEncoding("UTF-8");
            // Written here, not by an error dispatch to the error page: that dispatch would load the HTTP session
            // (kept in the database) and the page's CSRF token again, and fail the same way.
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            String lang = locale.toLanguageTag();
            response.getWriter().write("<!DOCTYPE html><html lang=\"" + HtmlUtils.htmlEscape(lang) + "\"><head><meta charset=\"UTF-8\">"
                    + "<title>503 · 邻里 Linli</title></head><body><h1>503</h1><p>" + HtmlUtils.htmlEscape(message)
                    + "</p></body></html>");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
