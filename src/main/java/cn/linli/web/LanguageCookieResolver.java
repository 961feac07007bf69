package cn.linli.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Keeps the user's language in a cookie. Linli speaks Simplified Chinese (the default, whatever the browser or the
 * server JVM prefers, because it serves a Chinese city's offices) and English; any other choice is ignored rather than
 * half-translated.
 */
class LanguageCookieResolver implements LocaleResolver {

    static final String COOKIE = "linli-lang";
    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    /** The language chosen during this request, which its own response must already use. */
    private static final String CHOSEN = LanguageCookieResolver.class.getName() + ".chosen";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
            return chosen;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return supported(Locale.forLanguageTag(cookie.getValue())).orElse(CHINESE);
                }
            }
        }
        return CHINESE;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Optional<Locale> chosen = supported(locale);
        if (chosen.isEmpty()) {
            return;
        }
        request.setAttribute(CHOSEN, chosen.get());
        if (response == null) {
            return;
        }
        ResponseCookie cookie = ResponseCookie.from(COOKIE, chosen.get().toLanguageTag())
                .path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
                .maxAge(Duration.ofDays(365))
                .httpOnly(true)
                .sameSite("Lax")
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    static Optional<Locale> supported(Locale locale) {
        if (locale == null) {
            return Optional.empty();
        }
        return switch (locale.getLanguage()) {
            case "zh" -> Optional.of(CHINESE);
            case "en" -> Optional.of(Locale.ENGLISH);
            default -> Optional.empty();
        };
    }
}
