package cn.linli.bench;

import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import cn.linli.shared.IdNumber;

/**
 * Registry search under load, over loopback HTTP against a running Linli (bench/search.sh starts it on the full
 * city): 8 clients, each signed in with a session of its own (login form with its CSRF token, as a browser), send
 * {@code GET /api/registry/search?q=…} back to back. Three query types, one after the other: names (full and
 * partial) by 永安社区's community staff (scope: their community), the same names by the city administrator (scope:
 * the whole city), and ID numbers by the city administrator. Latencies are measured in the client; the server's own times come from Tomcat's access log
 * (the time from reading the request to writing the response), which the script turns on.
 */
public final class SearchBenchmark {

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
        phase("name across the city (admin)", base, "admin", clients, names, warmUp, accessLog);
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
        List<HttpClient> sessions = LoopbackLoad.signIn(base, user, clients);
        List<String> paths = queries.stream().map(q -> "/api/registry/search?q=" + LoopbackLoad.encode(q)).toList();
        LoopbackLoad.run(base, sessions, paths.subList(0, warmUp), body -> true);
        long logStart = LoopbackLoad.logSize(accessLog);
        LoopbackLoad.Result result = LoopbackLoad.run(base, sessions, paths.subList(warmUp, paths.size()),
                body -> !body.startsWith("{\"residents\":[]"));
        System.out.println(result.summary(title));
        if (accessLog != null) {
            System.out.println(LoopbackLoad.serverSummary(title, LoopbackLoad.serverTimes(accessLog, logStart, "/api/registry/search")));
        }
    }
}
