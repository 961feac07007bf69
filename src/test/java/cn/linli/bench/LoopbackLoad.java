package cn.linli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import cn.linli.testing.StaffSession;

/**
 * Closed-loop HTTP load over loopback against a running Linli, for the benchmarks of server-side response times:
 * clients signed in through the login form like browsers, each sending its next request as soon as the last one is
 * answered; latencies in the client, and the server's own times from Tomcat's access log (pattern {@code %r %s %D},
 * the time from reading the request to writing the response, in microseconds).
 */
final class LoopbackLoad {

    static final String DEMO_PASSWORD = "linli-demo-2026";

    private LoopbackLoad() {
    }

    /** Latencies (ms) in the order of the paths, and how many answers the check accepted as non-empty. */
    record Result(double[] latencies, int nonEmpty, double seconds) {

        String summary(String title) {
            return String.format(Locale.ROOT, "%s: %d requests in %.1f s (%.0f/s), %d non-empty; client ms p50 %.1f p95 %.1f p99 %.1f max %.1f",
                    title, latencies.length, seconds, latencies.length / seconds, nonEmpty, percentile(latencies, 50),
                    percentile(latencies, 95), percentile(latencies, 99), percentile(latencies, 100));
        }
    }

    /**
     * Signs in through the login form, as a browser does. The client follows no redirects, so that an answer that
     * sends a measured request elsewhere fails the run instead of being timed as the page it leads to.
     */
    static HttpClient signIn(String base, String user) throws IOException, InterruptedException {
        HttpClient.Builder client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10));
        return StaffSession.signIn(client, base, user, DEMO_PASSWORD).client();
    }

    static List<HttpClient> signIn(String base, String user, int clients) throws IOException, InterruptedException {
        List<HttpClient> sessions = new ArrayList<>();
        for (int i = 0; i < clients; i++) sessions.add(signIn(base, user));
        return sessions;
    }

    /** GETs every path once, the sessions sharing the list; any answer but 200 stops the run. */
    static Result run(String base, List<HttpClient> sessions, List<String> paths, Predicate<String> nonEmpty) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger found = new AtomicInteger();
        double[] latencies = new double[paths.size()];
        ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (HttpClient session : sessions) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < paths.size(); i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        HttpResponse<String> response = session.send(HttpRequest.newBuilder(URI.create(base + paths.get(i))).GET().build(),
                                HttpResponse.BodyHandlers.ofString());
                        latencies[i] = (System.nanoTime() - start) / 1e6;
                        if (response.statusCode() != 200) throw new IllegalStateException(paths.get(i) + " answered " + response.statusCode() + ": " + response.body());
                        if (nonEmpty.test(response.body())) found.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) f.get();
        } finally {
            pool.shutdown();
        }
        return new Result(latencies, found.get(), (System.nanoTime() - started) / 1e9);
    }

    static long logSize(String accessLog) throws IOException {
        return accessLog == null ? 0 : Files.size(Path.of(accessLog));
    }

    /** Server-side milliseconds of the requests for {@code path} logged since byte {@code from}. */
    static double[] serverTimes(String accessLog, long from, String path) throws IOException, InterruptedException {
        Thread.sleep(500);
        byte[] all = Files.readAllBytes(Path.of(accessLog));
        String text = new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
        return text.lines().filter(l -> l.contains(path)).mapToDouble(l -> {
            String[] parts = l.trim().split(" ");
            return Long.parseLong(parts[parts.length - 1]) / 1000.0;
        }).toArray();
    }

    static String serverSummary(String title, double[] server) {
        return String.format(Locale.ROOT, "%s: server ms (Tomcat access log, %d requests) p50 %.1f p95 %.1f p99 %.1f max %.1f",
                title, server.length, percentile(server, 50), percentile(server, 95), percentile(server, 99), percentile(server, 100));
    }

    static double percentile(double[] values, double p) {
        if (values.length == 0) return Double.NaN;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
