package cn.linli.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open311 {@code GET requests} with a million cases in the database (issue: Open311, portal and knowledge base §5):
 * 4 clients, as outside apps poll, with no session, each asking for 1,000 requests back to back over loopback, in
 * JSON and in XML — the default query (the last 90 days, newest first), by status, by service code within a month,
 * and the second page. Every answer must hold 1,000 requests. Server-side times from Tomcat's access log.
 * Run with bench/open311-get.sh after bench/cases-1m.sh has filled its database; results in docs/performance.md.
 */
public final class Open311ListBenchmark {

    private static final Pattern ID = Pattern.compile("service_request_id");

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("linli.bench.url", "http://127.0.0.1:18082");
        int clients = Integer.getInteger("linli.bench.clients", 4);
        int requests = Integer.getInteger("linli.bench.requests", 2_000);
        int warmUp = Integer.getInteger("linli.bench.warm-up", 400);
        String accessLog = System.getProperty("linli.bench.access-log");

        LocalDate today = LocalDate.now();
        Random random = new Random(20261126L);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < requests + warmUp; i++) {
            String format = i % 2 == 0 ? "json" : "xml";
            LocalDate monthStart = today.minusDays(30 + random.nextInt(300));
            String query = switch (random.nextInt(4)) {
                case 0 -> "";
                case 1 -> "?status=" + (random.nextBoolean() ? "closed" : "open") + "&start_date=" + today.minusDays(365) + "T00:00:00%2B08:00";
                case 2 -> "?service_code=SJ0102&start_date=" + monthStart + "T00:00:00%2B08:00&end_date=" + monthStart.plusDays(30)
                        + "T00:00:00%2B08:00";
                default -> "?page=2&page_size=1000";
            };
            paths.add("/open311/v2/requests." + format + query);
        }
        List<HttpClient> sessions = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            sessions.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build());
        }
        LoopbackLoad.run(base, sessions, paths.subList(0, warmUp), body -> true);
        long logStart = LoopbackLoad.logSize(accessLog);
        LoopbackLoad.Result result = LoopbackLoad.run(base, sessions, paths.subList(warmUp, paths.size()),
                body -> count(body) >= 1_000);
        System.out.printf(Locale.ROOT, "%d clients, %d requests after %d to warm up; %d answers held 1,000 requests%n",
                clients, requests, warmUp, result.nonEmpty());
        System.out.println(result.summary("GET requests"));
        if (accessLog != null) {
            for (String format : List.of("json", "xml")) {
                System.out.println(LoopbackLoad.serverSummary("requests." + format,
                        LoopbackLoad.serverTimes(accessLog, logStart, "/open311/v2/requests." + format)));
            }
        }
    }

    /** Requests in an answer: each carries its id once (JSON key or XML element, opening and closing tag). */
    private static int count(String body) {
        Matcher m = ID.matcher(body);
        int n = 0;
        while (m.find()) n++;
        return body.startsWith("<") ? n / 2 : n;
    }
}
