package cn.linli.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A member of staff's session over real HTTP, as their browser keeps it: the session cookie (a cookie store of its own,
 * so two sessions on one host never mix) and the CSRF token of the signed-in pages, sent with every API write.
 * The one sign-in through the login form for every HTTP client of Linli in the tests and benchmarks.
 */
public final class StaffSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:type=\"hidden\" )?(?:value|content)=\"([^\"]+)\"");
    private static final Pattern CSRF_HEADER = Pattern.compile("name=\"_csrf_header\" content=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Enough hops from the login to the signed-in page for a client that does not follow redirects itself. */
    private static final int MAX_REDIRECTS = 5;

    private final HttpClient http;
    private final CookieManager cookies;
    private final String base;
    private final String csrfHeader;
    private final String csrf;

    private StaffSession(HttpClient http, CookieManager cookies, String base, String csrfHeader, String csrf) {
        this.http = http;
        this.cookies = cookies;
        this.base = base;
        this.csrfHeader = csrfHeader;
        this.csrf = csrf;
    }

    /** The client a browser-like session uses unless told otherwise: HTTP/1.1, redirects followed. */
    public static HttpClient.Builder browserLikeClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5));
    }

    /** Logs in with the form, as a browser does; fails unless the login lands on a signed-in page at {@code base}. */
    public static StaffSession signIn(String base, String username, String password) throws IOException, InterruptedException {
        return signIn(browserLikeClient(), base, username, password);
    }

    /**
     * Logs in as {@link #signIn(String, String, String)} does, with a client built as the caller needs it (an executor
     * of its own, no redirects, other time-outs); the session only adds its cookie store.
     */
    public static StaffSession signIn(HttpClient.Builder client, String base, String username, String password)
            throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient http = client.cookieHandler(cookies).build();
        String login = http.send(page(base + "/login"), HttpResponse.BodyHandlers.ofString()).body();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(find(CSRF, login));
        HttpResponse<String> landed = followed(http, http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()));
        String landedAt = landed.uri().toString();
        if (landed.statusCode() != 200 || landedAt.contains("/login") || !landedAt.startsWith(base)) {
            throw new IllegalStateException("login at " + base + " ended with " + landed.statusCode() + " at " + landedAt);
        }
        return new StaffSession(http, cookies, base, find(CSRF_HEADER, landed.body()), find(CSRF, landed.body()));
    }

    /** A JSON write with the session's CSRF token and the given idempotency key (none if null). */
    public HttpResponse<String> postJson(String path, String json, String idempotencyKey) throws IOException, InterruptedException {
        return http.send(jsonPost(path, json, idempotencyKey), HttpResponse.BodyHandlers.ofString());
    }

    /** {@link #postJson} without waiting for the answer, for load that must not wait for the server. */
    public CompletableFuture<HttpResponse<String>> postAsync(String path, String json, String idempotencyKey) {
        return http.sendAsync(jsonPost(path, json, idempotencyKey), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET as JSON (for {@code /api}) or as a page ({@code accept} text/html). */
    public HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return http.send(accepting(path, accept), HttpResponse.BodyHandlers.ofString());
    }

    /** {@link #get} without waiting for the answer. */
    public CompletableFuture<HttpResponse<String>> getAsync(String path, String accept) {
        return http.sendAsync(accepting(path, accept), HttpResponse.BodyHandlers.ofString());
    }

    /** An API answer as JSON; fails on anything but 200. */
    public JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path, "application/json");
        if (response.statusCode() != 200) throw new IllegalStateException(path + " answered " + response.statusCode());
        return JSON.readTree(response.body());
    }

    /**
     * A page, as the signed-in user's browser asks for it, its body dropped; fails on anything but 200. No time-out:
     * a benchmark times slow pages to their end.
     */
    public void open(String path) throws IOException, InterruptedException {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) throw new IllegalStateException(path + " answered " + response.statusCode());
    }

    /** A page's form, posted with the session's CSRF token as the browser would. */
    public HttpResponse<String> form(String path, Map<String, String> fields) throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder("_csrf=" + enc(csrf));
        fields.forEach((name, value) -> form.append('&').append(enc(name)).append('=').append(enc(value)));
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The client, for requests that read a streamed answer. */
    public HttpClient client() {
        return http;
    }

    /** Where the session signed in. */
    public String base() {
        return base;
    }

    /** The value of the session cookie, for clients that send the session's requests on sockets of their own. */
    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION")).findFirst()
                .map(HttpCookie::getValue).orElseThrow(() -> new IllegalStateException("no session cookie"));
    }

    /** The name of the header that carries the CSRF token on API writes. */
    public String csrfHeader() {
        return csrfHeader;
    }

    public String csrfToken() {
        return csrf;
    }

    private HttpRequest jsonPost(String path, String json, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json").header(csrfHeader, csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (idempotencyKey != null) request.header("Idempotency-Key", idempotencyKey);
        return request.build();
    }

    private HttpRequest accepting(String path, String accept) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).header("Accept", accept).build();
    }

    /** The answer at the end of the redirects, for a client that leaves them to its caller. */
    private static HttpResponse<String> followed(HttpClient http, HttpResponse<String> response) throws IOException, InterruptedException {
        for (int hop = 0; hop < MAX_REDIRECTS && response.statusCode() / 100 == 3; hop++) {
            String location = response.headers().firstValue("Location").orElse(null);
            if (location == null) break;
            response = http.send(page(response.uri().resolve(location).toString()), HttpResponse.BodyHandlers.ofString());
        }
        return response;
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
