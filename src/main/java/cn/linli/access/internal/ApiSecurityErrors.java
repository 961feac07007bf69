package cn.linli.access.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import cn.linli.web.ApiError;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers {@code /api/**} requests that lack a login (401) or permission (403) with a JSON {@link ApiError} in the
 * user's language, because a script cannot follow a redirect to the login page.
 */
@Component
class ApiSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;
    private final MessageSource messages;
    private final LocaleResolver locales;

    ApiSecurityErrors(JsonMapper json, MessageSource messages, LocaleResolver locales) {
        this.json = json;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException cause)
            throws IOException {
        write(request, response, HttpStatus.UNAUTHORIZED, "access.api.unauthenticated");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException cause)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "access.api.forbidden");
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageCode)
            throws IOException {
        String message = messages.getMessage(messageCode, null, locales.resolveLocale(request));
        ApiError.of(status.value(), status.getReasonPhrase(), message).writeTo(response, json);
    }
}
