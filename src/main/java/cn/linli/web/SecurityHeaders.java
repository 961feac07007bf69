package cn.linli.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.stereotype.Component;

/**
 * The security headers of every response, the same for each security filter chain (staff, portal, Open311), so that
 * one place says what the browser may do with Linli's pages.
 * <p>
 * Scripts come only from Linli itself (its own files and the Leaflet and htmx WebJars): no inline script, no eval,
 * which is what makes an injected {@code <script>} inert even where escaping were to fail. Styles allow
 * {@code 'unsafe-inline'}: templates set widths of bars with style attributes, Leaflet and htmx write style
 * attributes and htmx adds its indicator style; a style cannot run code. Images may come from the configured map
 * tile server. No page may be framed (clickjacking), no MIME sniffing, the referrer leaves only the origin to other
 * sites (a case page's URL carries its number), and HSTS is sent on HTTPS requests only (Spring Security's default:
 * behind a TLS-terminating proxy it needs {@code server.forward-headers-strategy}).
 */
@Component
public class SecurityHeaders {

    private final String contentSecurityPolicy;

    SecurityHeaders(@Value("${linli.map.tile-url:}") String tileUrl) {
        this.contentSecurityPolicy = policy(tileSource(tileUrl));
    }

    static String policy(String tileSource) {
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:"
                + (tileSource.isEmpty() ? "" : " " + tileSource)
                + "; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
                + " frame-ancestors 'none'";
    }

    /**
     * The tile server's origin as a CSP source; a Leaflet subdomain placeholder ({@code t{s}.tianditu.gov.cn})
     * becomes a wildcard label ({@code *.tianditu.gov.cn}). Empty without tiles or for a URL that is no http(s) URL.
     */
    static String tileSource(String tileUrl) {
        if (tileUrl == null || tileUrl.isBlank()) {
            return "";
        }
        int schemeEnd = tileUrl.indexOf("://");
        if (schemeEnd < 0) {
            return "";
        }
        String scheme = tileUrl.substring(0, schemeEnd).toLowerCase();
        String rest = tileUrl.substring(schemeEnd + 3);
        int hostEnd = indexOfAny(rest, "/?#");
        String host = hostEnd < 0 ? rest : rest.substring(0, hostEnd);
        String wildcard = host.replaceAll("^[^.]*\\{[^}]*}[^.]*", "*");
        if (!scheme.equals("https") && !scheme.equals("http") || !wildcard.matches("[A-Za-z0-9.*:-]+")) {
            return "";
        }
        return scheme + "://" + wildcard;
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    /** For {@code http.headers(securityHeaders.apply())} in each filter chain. */
    public Customizer<HeadersConfigurer<HttpSecurity>> apply() {
        return headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
    }
}
