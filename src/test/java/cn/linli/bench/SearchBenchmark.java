package cn.linli.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.linli.shared.IdNumber;

/**
 * Registry search under load, over loopback HTTP against a running Linli (bench/search.sh starts it on the full
 * city): 8 clients, each signed in with a session of its own (login form with its CSRF token, as a browser), send
 * {@code GET /api/registry/search?q=…} back to back. Two query types, one after the other: names (full and partial)
 * by 永安社区's community staff (scope: their community), and ID numbers by the city administrator (scope: the
 * whole city). Latencies are measured in the client; the server's own times come from Tomcat's access log
 * (the time from reading the request to writing the response), which the script turns on.
 */
public final class SearchBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    private static final String PASSWORD = "linli-demo-2026";
    private static final String[] NAMES = {"王", "李", "张伟", "刘芳", "陈", "杨静", "赵", "黄丽", "周杰", "吴", "徐敏", "孙",
            "马", "朱红", "胡", "郭强", "林", "高", "罗娟", "郑", "伟", "芳", "欧阳", "司马明", "王秀英", "张建"};

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("linli.bench.url", "http://127.0.0.1:18093");
        int clients = Integer.getInteger("linli.bench.clients", 8);
        int requests = Integer.getInteger("linli.bench.requests", 4000);
        int warmUp = Integer.getInteger("linli.bench.warm-up", 800);
        String accessLog = System.getProperty("linli.bench.access-log");
        Random random = new Random(20261126L);
        List<String> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < requests + warmUp; i++) {
            names.add(NAMES[random.nextInt(NAMES.length)]);
            ids.add(idNumber(random));
        }
        System.out.printf(Locale.ROOT, "%d clients, %d requests per query type after %d to warm up%n", clients, requests, warmUp);
        phase("name in a community (yongan-sq)", base, "yongan-sq", clients, names, warmUp, accessLog);
        phase("ID number across the city (admin)", base, "admin", clients, ids, warmUp, accessLog);
    }

    /** A synthetic ID number as the full city's demo generates them: 230899, a date of birth, a low sequence number. */
    static String idNumber(Random random) {
        LocalDate birth = LocalDate.of(1935, 1, 1).plusDays(random.nextInt(32_000));
        String first17 = "230899" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(6));
        return first17 + IdNumber.checkCharacter(first17);
    }

    private static void phase(String title, String base, String user, int clients, List<String> queries, int warmUp,
            String accessLog) throws Exception {
        List<HttpClient> sessions = new ArrayList<>();
        for (int i = 0; i < clients; i++) sessions.add(signIn(base, user));
        run(base, sessions, queries.subList(0, warmUp));
        long logStart = accessLog == null ? 0 : Files.size(Path.of(accessLog));
        long started = System.nanoTime();
        Result result = run(base, sessions, queries.subList(warmUp, queries.size()));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d requests in %.1f s (%.0f/s), %d with results; client ms p50 %.1f p95 %.1f p99 %.1f max %.1f%n",
                title, result.latencies.length, seconds, result.latencies.length / seconds, result.found,
                percentile(result.latencies, 50), percentile(result.latencies, 95), percentile(result.latencies, 99),
                percentile(result.latencies, 100));
        if (accessLog != null) {
            Thread.sleep(500);
            double[] server = serverTimes(Path.of(accessLog), logStart);
            System.out.printf(Locale.ROOT, "%s: server ms (Tomcat access log, %d requests) p50 %.1f p95 %.1f p99 %.1f max %.1f%n",
                    title, server.length, percentile(server, 50), percentile(server, 95), percentile(server, 99), percentile(server, 100));
        }
    }

    private record Result(double[] latencies, int found) {
    }

    private static Result run(String base, List<HttpClient> sessions, List<String> queries) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger found = new AtomicInteger();
        double[] latencies = new double[queries.size()];
        ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (HttpClient session : sessions) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < queries.size(); i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        HttpResponse<String> response = session.send(HttpRequest.newBuilder(URI.create(base + "/api/registry/search?q="
                                + URLEncoder.encode(queries.get(i), StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
                        latencies[i] = (System.nanoTime() - start) / 1e6;
                        if (response.statusCode() != 200) throw new IllegalStateException("search answered " + response.statusCode() + ": " + response.body());
                        if (!response.body().startsWith("{\"residents\":[]")) found.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) f.get();
        } finally {
            pool.shutdown();
        }
        return new Result(latencies, found.get());
    }

    /** Signs in through the login form, as a browser does: the form's CSRF token, then the session cookie. */
    static HttpClient signIn(String base, String user) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String form = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(form);
        if (!token.find()) throw new IllegalStateException("no CSRF token on the login page");
        String csrf = token.group(1) != null ? token.group(1) : token.group(2);
        String body = "username=" + user + "&password=" + PASSWORD + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) throw new IllegalStateException("login of " + user + " failed: " + location);
        return client;
    }

    /** Server-side milliseconds of the search requests logged since {@code from} (pattern "%r %s %D", %D in microseconds). */
    private static double[] serverTimes(Path log, long from) throws IOException {
        byte[] all = Files.readAllBytes(log);
        String text = new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
        return text.lines().filter(l -> l.contains("/api/registry/search")).mapToDouble(l -> {
            String[] parts = l.trim().split(" ");
            return Long.parseLong(parts[parts.length - 1]) / 1000.0;
        }).toArray();
    }

    static double percentile(double[] values, double p) {
        if (values.length == 0) return Double.NaN;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
