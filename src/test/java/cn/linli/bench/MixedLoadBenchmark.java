package cn.linli.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import cn.linli.shared.GeoPoint;
import cn.linli.testing.StaffSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mixed load of a busy day, from a load generator in a process of its own, through one address (nginx in front
 * of the instances, or one instance): intake at a community window, dispatch by the street, accept and result by the
 * bureau, verification by the grid worker, each case moving on as the one before answered; dispatch-board refreshes,
 * Open311 reads and registry searches beside them. Every kind runs open loop at its own rate; a step of a case's
 * life waits for its case (a step with no case ready is counted as idle, not sent). Latency runs from the due time
 * (no coordinated omission). Every 10 s the heap of each instance is read from its Actuator metrics, directly, not
 * through the proxy. Run with bench/mixed-load.sh; results in docs/performance.md.
 * <p>
 * Properties: {@code linli.bench.base} (the proxy), {@code linli.bench.instances} (comma-separated instance
 * addresses for the heap readings), {@code linli.bench.seconds} (600), {@code linli.bench.warmup} (60) and
 * {@code linli.bench.rates} ({@code intake=8,board=4,open311=4,search=4}; the case steps follow the intake's rate).
 */
public final class MixedLoadBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GRID = "230804007001001";
    private static final String PASSWORD = "linli-demo-2026";
    /** Idempotency keys of this process: a later run against the same database must make new cases, not repeat these. */
    private static final String RUN_PREFIX = Long.toString(System.currentTimeMillis(), 36) + "-";

    enum Kind { INTAKE, DISPATCH, ACCEPT, RESULT, VERIFY, BOARD, OPEN311, SEARCH }

    /** A case on its way, with the version its last step answered. */
    record Moving(long id, long version) {
    }

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("linli.bench.base", "http://127.0.0.1:18090");
        List<String> instances = List.of(System.getProperty("linli.bench.instances", base).split(","));
        int seconds = Integer.getInteger("linli.bench.seconds", 600);
        int warmUp = Integer.getInteger("linli.bench.warmup", 60);
        Map<Kind, Integer> rates = rates(System.getProperty("linli.bench.rates", "intake=8,board=4,open311=4,search=4"));

        StaffSession desk = IntakeLoadBenchmark.signIn(base, "yongan-sq", PASSWORD);
        StaffSession street = IntakeLoadBenchmark.signIn(base, "yongan", PASSWORD);
        StaffSession bureau = IntakeLoadBenchmark.signIn(base, "chengguan", PASSWORD);
        StaffSession grid = IntakeLoadBenchmark.signIn(base, "wanggeyuan", PASSWORD);
        StaffSession admin = IntakeLoadBenchmark.signIn(base, "admin", PASSWORD);
        String category = desk.json("/api/casework/categories/search?q=" + LoopbackLoad.encode("暴露垃圾") + "&limit=1")
                .get(0).get("category").get("code").asString();
        GeoPoint point = IntakeLoadBenchmark.pointInGrid(desk, GRID);
        long unit = handlingUnit(desk, street, admin, point, category);
        System.out.printf(Locale.ROOT, "category %s, point %s, handled by unit %d; instances %s%n", category, point, unit, instances);

        Mix mix = new Mix(desk, street, bureau, grid, point, category, unit, rates);
        System.out.println("warm-up: " + mix.run(warmUp, List.of()).replace("\n", "\n  "));
        List<StaffSession> heapReaders = new ArrayList<>();
        for (String instance : instances) heapReaders.add(IntakeLoadBenchmark.signIn(instance.strip(), "admin", PASSWORD));
        System.out.println("measured:\n  " + mix.run(seconds, heapReaders).replace("\n", "\n  "));
    }

    /** The unit routing gives the category at the place, found by one case taken in and dispatched on the board. */
    private static long handlingUnit(StaffSession desk, StaffSession street, StaffSession admin, GeoPoint point, String category)
            throws Exception {
        JsonNode probe = JSON.readTree(desk.postJson("/api/casework/cases", intake(point, category, "probe"), "mixed-probe-" + System.nanoTime()).body());
        long id = probe.get("id").asLong();
        HttpResponse<String> dispatched = street.form("/casework/board/" + id + "/dispatch", Map.of("version-" + id, probe.get("version").asString()));
        if (dispatched.statusCode() >= 400) throw new IllegalStateException("board dispatch answered " + dispatched.statusCode());
        long unit = desk.json("/api/casework/cases/" + id).get("mainUnit").asLong();
        // the bureau's demo user handles for that unit, as in the case-life benchmark
        HttpResponse<String> member = admin.postJson("/api/organisation/units/" + unit + "/members",
                "{\"username\":\"chengguan\",\"role\":\"HANDLER\"}", null);
        if (member.statusCode() != 200) throw new IllegalStateException("adding the handler answered " + member.statusCode() + " " + member.body());
        return unit;
    }

    static String intake(GeoPoint point, String category, String key) {
        return String.format(Locale.ROOT, """
                {"type":"COMPLAINT","channel":"WINDOW","title":"永安社区3号楼东侧垃圾堆放 %s",
                 "description":"永安社区3号楼东侧垃圾堆放三天无人清运，气味很大。","lng":%.7f,"lat":%.7f,
                 "address":"前进区永安社区3号楼","reporterName":"王女士","reporterPhone":"13845467788",
                 "wantsReturnVisit":true,"categoryCode":"%s"}""", key, point.lng(), point.lat(), category);
    }

    private static Map<Kind, Integer> rates(String spec) {
        Map<Kind, Integer> rates = new EnumMap<>(Kind.class);
        for (String part : spec.split(",")) {
            String[] kv = part.split("=");
            rates.put(Kind.valueOf(kv[0].strip().toUpperCase(Locale.ROOT)), Integer.parseInt(kv[1].strip()));
        }
        int intake = rates.getOrDefault(Kind.INTAKE, 0);
        for (Kind step : List.of(Kind.DISPATCH, Kind.ACCEPT, Kind.RESULT, Kind.VERIFY)) rates.putIfAbsent(step, intake);
        return rates;
    }

    /** One run of the mix: the schedule per kind, the cases between the steps, the latencies and answers. */
    static final class Mix {

        private final StaffSession desk;
        private final StaffSession street;
        private final StaffSession bureau;
        private final StaffSession grid;
        private final GeoPoint point;
        private final String category;
        private final long unit;
        private final Map<Kind, Integer> rates;
        private final Map<Kind, BlockingQueue<Moving>> ready = new EnumMap<>(Kind.class);
        private final AtomicLong runs = new AtomicLong();

        Mix(StaffSession desk, StaffSession street, StaffSession bureau, StaffSession grid, GeoPoint point, String category, long unit, Map<Kind, Integer> rates) {
            this.desk = desk;
            this.street = street;
            this.bureau = bureau;
            this.grid = grid;
            this.point = point;
            this.category = category;
            this.unit = unit;
            this.rates = rates;
            for (Kind kind : List.of(Kind.DISPATCH, Kind.ACCEPT, Kind.RESULT, Kind.VERIFY)) ready.put(kind, new LinkedBlockingQueue<>());
        }

        String run(int seconds, List<StaffSession> heapReaders) throws Exception {
            // unique across generator processes too: a second run against the same database must not repeat keys
            String run = RUN_PREFIX + runs.incrementAndGet();
            Map<Kind, Recorder> recorders = new EnumMap<>(Kind.class);
            for (Kind kind : rates.keySet()) recorders.put(kind, new Recorder());
            List<String> heap = new ArrayList<>();
            ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
            long start = System.nanoTime();
            List<Thread> senders = new ArrayList<>();
            for (Map.Entry<Kind, Integer> rate : rates.entrySet()) {
                if (rate.getValue() <= 0) continue;
                Thread sender = new Thread(() -> schedule(rate.getKey(), rate.getValue(), seconds, start, recorders.get(rate.getKey()), run),
                        "mixed-" + rate.getKey());
                sender.start();
                senders.add(sender);
            }
            if (!heapReaders.isEmpty()) {
                timer.scheduleAtFixedRate(() -> heap.add(readHeap(heapReaders, start)), 0, 10, TimeUnit.SECONDS);
            }
            for (Thread sender : senders) sender.join();
            for (Recorder r : recorders.values()) r.awaitAnswers();
            timer.shutdownNow();
            if (!heapReaders.isEmpty()) heap.add(readHeap(heapReaders, start));
            double elapsed = (System.nanoTime() - start) / 1e9;
            StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%d s of load, %.1f s until the last answer", seconds, elapsed));
            recorders.forEach((kind, r) -> report.append('\n').append(r.summary(kind, seconds)));
            heap.forEach(line -> report.append('\n').append(line));
            return report.toString();
        }

        private void schedule(Kind kind, int rate, int seconds, long start, Recorder recorder, String run) {
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            int total = rate * seconds;
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) LockSupport.parkNanos(wait);
                try {
                    send(kind, run + "-" + i, due, recorder);
                } catch (Exception e) {
                    recorder.failed(e);
                }
            }
        }

        private void send(Kind kind, String n, long due, Recorder recorder) throws Exception {
            switch (kind) {
                case INTAKE -> recorder.track(due, desk.postAsync("/api/casework/cases", intake(point, category, "m" + n), "mixed-" + n),
                        answer -> forward(answer, Kind.DISPATCH));
                case DISPATCH -> step(kind, due, recorder, street, "dispatch", ",\"unitId\":" + unit, Kind.ACCEPT);
                case ACCEPT -> step(kind, due, recorder, bureau, "accept", "", Kind.RESULT);
                case RESULT -> step(kind, due, recorder, bureau, "result", ",\"result\":\"已清运\"", Kind.VERIFY);
                case VERIFY -> step(kind, due, recorder, grid, "verify", ",\"passed\":true,\"note\":\"现场核实\"", null);
                case BOARD -> recorder.track(due, street.getAsync("/casework/board?queue=TO_DISPATCH", "text/html"), answer -> { });
                case OPEN311 -> recorder.track(due, desk.getAsync("/open311/v2/requests.json?status=open", "application/json"), answer -> { });
                case SEARCH -> recorder.track(due, desk.getAsync("/api/registry/search?q=" + LoopbackLoad.encode("王"), "application/json"),
                        answer -> { });
            }
        }

        private void step(Kind kind, long due, Recorder recorder, StaffSession who, String action, String more, Kind next) {
            Moving moving = ready.get(kind).poll();
            if (moving == null) {
                recorder.idle.incrementAndGet();
                return;
            }
            String body = "{\"version\":" + moving.version() + more + "}";
            recorder.track(due, who.postAsync("/api/casework/cases/" + moving.id() + "/" + action, body, null),
                    answer -> { if (next != null) forward(answer, next); });
        }

        private void forward(HttpResponse<String> answer, Kind next) {
            if (answer.statusCode() != 200 && answer.statusCode() != 201) return;
            JsonNode view = JSON.readTree(answer.body());
            ready.get(next).add(new Moving(view.get("id").asLong(), view.get("version").asLong()));
        }

        private static String readHeap(List<StaffSession> readers, long start) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "heap at %4d s:", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)));
            for (int i = 0; i < readers.size(); i++) {
                try {
                    double used = metric(readers.get(i), "jvm.memory.used?tag=area:heap");
                    // the old generation grows only with what survives young collections: a leak shows there
                    double old = metric(readers.get(i), "jvm.memory.used?tag=area:heap&tag=id:" + LoopbackLoad.encode("G1 Old Gen"));
                    line.append(String.format(Locale.ROOT, "  instance %d heap used %.0f MiB, old generation %.0f MiB", i + 1, used / 1048576, old / 1048576));
                } catch (Exception e) {
                    line.append("  instance ").append(i + 1).append(" unreadable: ").append(e.getMessage());
                }
            }
            return line.toString();
        }

        private static double metric(StaffSession reader, String name) throws Exception {
            return reader.json("/actuator/metrics/" + name).get("measurements").get(0).get("value").asDouble();
        }
    }

    /** Latencies and answers of one kind of request. */
    static final class Recorder {

        private final List<CompletableFuture<?>> pending = new ArrayList<>();
        private final List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        private final Map<String, Integer> failures = new ConcurrentHashMap<>();
        final AtomicInteger idle = new AtomicInteger();

        interface Then {
            void accept(HttpResponse<String> answer) throws Exception;
        }

        /** Keeps only a future of nothing per request: holding the answers (pages of the board) filled the heap in 10 minutes. */
        void track(long due, CompletableFuture<HttpResponse<String>> answer, Then then) {
            synchronized (pending) {
                pending.add(answer.handle((response, failure) -> {
                    micros.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - due));
                    if (failure != null) {
                        failed(failure);
                        return null;
                    }
                    statuses.merge(response.statusCode(), 1, Integer::sum);
                    try {
                        then.accept(response);
                    } catch (Exception e) {
                        failed(e);
                    }
                    return null;
                }));
            }
        }

        void failed(Throwable e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            failures.merge(cause.getClass().getSimpleName() + ": " + cause.getMessage(), 1, Integer::sum);
        }

        void awaitAnswers() throws Exception {
            List<CompletableFuture<?>> all;
            synchronized (pending) {
                all = new ArrayList<>(pending);
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                    .exceptionally(e -> null).get(5, TimeUnit.MINUTES);
        }

        String summary(Kind kind, int seconds) {
            long[] sorted;
            synchronized (micros) {
                sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
            }
            int errors = statuses.entrySet().stream().filter(e -> e.getKey() >= 400).mapToInt(Map.Entry::getValue).sum()
                    + failures.values().stream().mapToInt(Integer::intValue).sum();
            Map<String, Integer> failed = new LinkedHashMap<>(failures);
            if (sorted.length == 0) return String.format(Locale.ROOT, "%-8s nothing sent (%d idle)", kind, idle.get());
            return String.format(Locale.ROOT, "%-8s %6d sent, %5.1f/s, statuses %s, errors %d%s, idle %d; ms p50 %.1f p95 %.1f p99 %.1f max %.1f",
                    kind, sorted.length, sorted.length / (double) seconds, new TreeMap<>(statuses), errors,
                    failed.isEmpty() ? "" : " " + failed, idle.get(), pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99),
                    sorted[sorted.length - 1] / 1000.0);
        }

        private static double pct(long[] sorted, double p) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1000.0;
        }
    }

    private MixedLoadBenchmark() {
    }
}
