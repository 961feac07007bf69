package cn.linli.web;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Gives every page the language-switch link of the top bar. It keeps the page's own query parameters, so a search
 * or a login error is shown again in the other language. Has no injected dependencies, so that the controller slices
 * of every module's tests can render the layout.
 */
@ControllerAdvice
class LanguageSwitchModel {

    @ModelAttribute("languageSwitch")
    LanguageSwitch languageSwitch(HttpServletRequest request, Locale locale) {
        String target = "zh".equals(locale.getLanguage()) ? "en" : "zh_CN";
        Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = errorUri != null ? errorUri.toString() : request.getRequestURI();
        String query = errorUri != null ? null : request.getQueryString();
        String href = UriComponentsBuilder.fromPath(path).query(query)
                .replaceQueryParam("lang", target).build().toUriString();
        return new LanguageSwitch(target, href);
    }
}
