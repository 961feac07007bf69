package cn.linli.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member of staff's session over real HTTP, as their browser keeps it: the session cookie (a cookie store of its own,
 * so two sessions on one host never mix) and the CSRF token of the signed-in pages, sent with every API write.
 */
public final class StaffSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:type=\"hidden\" )?(?:value|content)=\"([^\"]+)\"");
    private static final Pattern CSRF_HEADER = Pattern.compile("name=\"_csrf_header\" content=\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;
    private final String csrfHeader;
    private final String csrf;

    private StaffSession(HttpClient http, String base, String csrfHeader, String csrf) {
        this.http = http;
        this.base = base;
        this.csrfHeader = csrfHeader;
        this.csrf = csrf;
    }

    /** Logs in with the form, as a browser does; fails unless the login lands on a signed-in page at {@code base}. */
    public static StaffSession signIn(String base, String username, String password) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
        String login = http.send(page(base + "/login"), HttpResponse.BodyHandlers.ofString()).body();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(find(CSRF, login));
        HttpResponse<String> landed = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        String landedAt = landed.uri().toString();
        if (landed.statusCode() != 200 || landedAt.contains("/login") || !landedAt.startsWith(base)) {
            throw new IllegalStateException("login at " + base + " ended with " + landed.statusCode() + " at " + landedAt);
        }
        return new StaffSession(http, base, find(CSRF_HEADER, landed.body()), find(CSRF, landed.body()));
    }

    /** A JSON write with the session's CSRF token and the given idempotency key (none if null). */
    public HttpResponse<String> postJson(String path, String json, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json").header(csrfHeader, csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (idempotencyKey != null) request.header("Idempotency-Key", idempotencyKey);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET as JSON (for {@code /api}) or as a page ({@code accept} text/html). */
    public HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The client, for requests that read a streamed answer. */
    public HttpClient client() {
        return http;
    }

    private static HttpRequest page(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).header("Accept", "text/html").build();
    }

    private static String find(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        if (!m.find()) throw new IllegalStateException("no " + pattern + " in the page");
        return m.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
