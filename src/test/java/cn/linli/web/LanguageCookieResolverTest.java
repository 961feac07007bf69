package cn.linli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class LanguageCookieResolverTest {

    private final LanguageCookieResolver resolver = new LanguageCookieResolver();

    @Test
    void speaksChineseWhateverTheBrowserPrefers() {
        var request = new MockHttpServletRequest();
        request.addPreferredLocale(Locale.GERMANY);
        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void remembersEnglishInACookieAndUsesItAtOnce() {
        var request = new MockHttpServletRequest();
        var response = new MockHttpServletResponse();
        resolver.setLocale(request, response, Locale.forLanguageTag("en-US"));

        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.ENGLISH);
        Cookie cookie = response.getCookie(LanguageCookieResolver.COOKIE);
        assertThat(cookie).isNotNull();
        var nextRequest = new MockHttpServletRequest();
        nextRequest.setCookies(cookie);
        assertThat(resolver.resolveLocale(nextRequest)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void ignoresALanguageLinliDoesNotSpeak() {
        var request = new MockHttpServletRequest();
        var response = new MockHttpServletResponse();
        resolver.setLocale(request, response, Locale.FRENCH);

        assertThat(response.getCookie(LanguageCookieResolver.COOKIE)).isNull();
        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void aForgedCookieFallsBackToChinese() {
        var request = new MockHttpServletRequest();
        request.setCookies(new Cookie(LanguageCookieResolver.COOKIE, "xx-<script>"));
        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }
}
