package cn.linli.bench;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.linli.shared.GeoPoint;
import cn.linli.testing.StaffSession;
import tools.jackson.databind.JsonNode;

/**
 * Intake over HTTP: the staff intake API ({@code POST /api/casework/cases}) of a Linli on PostgreSQL, driven over
 * loopback by an open-loop load generator at a fixed rate, signed in as 永安社区's window (a session, as the front
 * desk's browser has). Each request is due at its scheduled time (start + i / rate); its latency runs from that time
 * to the response, so a server that falls behind is charged for the requests that waited (no coordinated omission).
 * Listeners included: the indicator rollup folds the new cases while the load runs, and the run reports how long
 * after the last response the rollup's queue was empty.
 * <p>
 * The generator runs in a process of its own (this class's {@code main}), so that its allocation and collections
 * do not pause the server it measures; bench/intake-load.sh starts Linli first and passes its address
 * ({@code linli.bench.base}) and database ({@code linli.bench.db}). It finds the case's place and category through
 * Linli's own APIs, as a client would, and sends the load over plain keep-alive sockets ({@link LoopbackPosts}), which
 * leave the server more of the two cores than Java's HttpClient did. Results in docs/performance.md.
 * <p>
 * Linli has no request rate limit on the staff API (the only throttle is on failed logins), so nothing has to be
 * configured for the benchmark's session.
 */
public final class IntakeLoadBenchmark {

    private static final String GRID = "230804007001001";
    /** Connections of the load: enough that requests wait for the server, not for a connection. */
    private static final int CONNECTIONS = 256;

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("linli.bench.rate", 500);
        int seconds = Integer.getInteger("linli.bench.seconds", 60);
        int warmUp = Integer.getInteger("linli.bench.warmup", 30);
        // A server that has run for a while has compiled its hot paths; warming up below capacity gets there without
        // a backlog that the measured minute would inherit.
        int warmUpRate = Integer.getInteger("linli.bench.warmup-rate", rate);
        String base = System.getProperty("linli.bench.base", "http://127.0.0.1:18083");
        String db = System.getProperty("linli.bench.db", "jdbc:postgresql://127.0.0.1:5432/linli_bench_case");
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(db, "postgres", ""));
        StaffSession desk = signIn(base, "yongan-sq", "linli-demo-2026");
        String category = desk.json("/api/casework/categories/search?q=" + LoopbackLoad.encode("暴露垃圾") + "&limit=1")
                .get(0).get("category").get("code").asString();
        GeoPoint point = pointInGrid(desk, GRID);
        System.out.printf(Locale.ROOT, "category %s, point %s in grid %s%n", category, point, GRID);
        System.out.printf(Locale.ROOT, "warm-up: %s%n", load(desk, warmUpRate, warmUp, point, category, "w").summary());
        awaitRollup(jdbc);
        Result result = load(desk, rate, seconds, point, category, "m");
        long drained = awaitRollup(jdbc);
        System.out.printf(Locale.ROOT, "measured: %s; indicator queue empty %d ms after the last response%n",
                result.summary(), drained);
    }

    /** Milliseconds until the indicator rollup has folded every queued transition. */
    static long awaitRollup(JdbcClient jdbc) throws InterruptedException {
        long start = System.nanoTime();
        while (jdbc.sql("select count(*) from casework_indicator_due").query(Long.class).single() > 0
                || jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() > 0) {
            if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(5)) throw new IllegalStateException("listeners still busy after 5 minutes");
            Thread.sleep(10);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** What a run measured: latency per request from its scheduled time, and the status codes. */
    record Result(int rate, int seconds, long[] latencyMicros, Map<Integer, Integer> statuses, int failures, double elapsedSeconds) {

        String summary() {
            long[] sorted = latencyMicros.clone();
            Arrays.sort(sorted);
            int ok = statuses.getOrDefault(201, 0);
            return String.format(Locale.ROOT,
                    "%d requests at %d/s for %d s: %d created, statuses %s, %d failed; %.0f cases/s over %.1f s; "
                            + "latency ms p50 %.1f p90 %.1f p99 %.1f p99.9 %.1f max %.1f",
                    latencyMicros.length, rate, seconds, ok, statuses, failures, ok / elapsedSeconds, elapsedSeconds,
                    pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), pct(sorted, 0.999), sorted[sorted.length - 1] / 1000.0);
        }

        private static double pct(long[] sorted, double p) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1000.0;
        }
    }

    /**
     * A session whose client answers on a few daemon threads of its own, so that the load's callbacks never queue
     * behind other work on the common pool and never keep the generator's JVM alive.
     */
    static StaffSession signIn(String base, String username, String password) throws Exception {
        return StaffSession.signIn(StaffSession.browserLikeClient().executor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "load-client");
            t.setDaemon(true);
            return t;
        })), base, username, password);
    }

    /**
     * Sends {@code rate} intakes a second for {@code seconds}, each at its scheduled time, over {@link LoopbackPosts}
     * with the session's cookie and CSRF token, and waits for every answer.
     */
    static Result load(StaffSession desk, int rate, int seconds, GeoPoint point, String category, String run) throws Exception {
        LoopbackPosts.Run posted = new LoopbackPosts(URI.create(desk.base()), CONNECTIONS).post("/api/casework/cases",
                List.of("Cookie: SESSION=" + desk.sessionCookie(), desk.csrfHeader() + ": " + desk.csrfToken()),
                i -> intakeJson(point, category, run + "-" + i), i -> "load-" + run + "-" + i, rate, rate * seconds);
        posted.failures().forEach((kind, count) -> System.out.printf(Locale.ROOT, "  failed %d times: %s%n", count, kind));
        int failed = posted.failures().values().stream().mapToInt(Integer::intValue).sum();
        return new Result(rate, seconds, posted.latencyMicros(), posted.statuses(), failed, posted.seconds());
    }

    /** A point that Linli's locate API places in the grid, found on a raster over the demo city's core. */
    static GeoPoint pointInGrid(StaffSession session, String gridCode) throws Exception {
        for (double lng = 130.30; lng < 130.45; lng += 0.001) {
            for (double lat = 46.78; lat < 46.86; lat += 0.001) {
                JsonNode located = session.json(String.format(Locale.ROOT, "/api/territory/locate?lng=%.4f&lat=%.4f", lng, lat));
                for (JsonNode unit : located.get("units")) {
                    if (gridCode.equals(unit.get("code").asString())) return new GeoPoint(lng, lat);
                }
            }
        }
        throw new IllegalStateException("no point found in grid " + gridCode);
    }

    private static String intakeJson(GeoPoint point, String category, String key) {
        return String.format(Locale.ROOT, """
                {"type":"COMPLAINT","channel":"WINDOW","title":"永安社区3号楼东侧垃圾堆放 %s",
                 "description":"永安社区3号楼东侧垃圾堆放三天无人清运，气味很大。","lng":%.7f,"lat":%.7f,
                 "address":"前进区永安社区3号楼","reporterName":"王女士","reporterPhone":"13845467788",
                 "wantsReturnVisit":true,"categoryCode":"%s"}""", key, point.lng(), point.lat(), category);
    }
}
