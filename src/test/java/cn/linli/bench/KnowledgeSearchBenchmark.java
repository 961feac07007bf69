package cn.linli.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Knowledge-base search under load, over loopback HTTP against a running Linli on PostgreSQL (bench/knowledge-search.sh
 * starts it): the knowledge base is first filled to {@code linli.bench.entries} entries (10,000) with SQL, made of the
 * demo entries' questions and answers about many places, so that most queries match hundreds of entries, and the
 * running instance is told to rebuild its index by the cluster signal another instance would send. Then 8 clients,
 * each signed in as 永安社区's window staff, ask {@code GET /api/knowledge/answers} as the front desk does while a
 * caller's words are typed, half of them with the chosen category.
 */
public final class KnowledgeSearchBenchmark {

    private static final String[] PLACES = {"永安", "前进", "长安", "友谊", "光复", "西林", "佳东", "造纸", "建国", "双胜", "红旗",
            "华园", "万新", "保卫", "杏林", "和平", "新民", "胜利", "东风", "南岗", "中山", "松花江", "长青", "沿江", "大来", "莲江口",
            "桦南", "桦川", "汤原", "同江", "富锦", "抚远", "向阳", "站前", "铁路", "林海", "金川", "兴家", "四丰", "平安"};
    private static final String[][] QUERIES = {{"暖气不热", "FW0701"}, {"家里暖气片漏水", "FW0702"}, {"什么时候开始供暖", "FW0703"},
            {"供暖费怎么交", "FW0704"}, {"家里停水了", "FW0801"}, {"自来水发黄", "FW0802"}, {"楼上水压小", "FW0803"},
            {"停电了找谁", "FW0901"}, {"闻到煤气味", "FW1001"}, {"燃气表坏了", "FW1003"}, {"怎么申请低保", "FW0201"},
            {"临时救助", "FW0203"}, {"高龄补贴怎么领", "FW0102"}, {"独居老人 养老服务", "FW0101"}, {"残疾证怎么办", "FW0301"},
            {"开居住证明", "FW0401"}, {"社区不给开证明", "FW0402"}, {"楼上漏水 赔偿", "FW0502"}, {"邻居噪音太吵", "FW0501"},
            {"楼道堆放杂物", "FW0503"}, {"电梯困人", "FW0602"}, {"小区没有物业", "FW0604"}, {"老板拖欠工资", "FW1101"},
            {"社保补缴", "FW1102"}, {"有人私搭乱建", "SJ0101"}, {"门前积雪结冰", "SJ0109"}, {"井盖丢了", "BJ0101"},
            {"垃圾没人清运", "SJ0102"}, {"工地夜间施工 噪音", "SJ0301"}, {"物业不管事", "FW0601"}};

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("linli.bench.url", "http://127.0.0.1:18081");
        String jdbc = System.getProperty("linli.bench.jdbc", "jdbc:postgresql://127.0.0.1:5432/linli_bench_knowledge");
        int entries = Integer.getInteger("linli.bench.entries", 10_000);
        int clients = Integer.getInteger("linli.bench.clients", 8);
        int requests = Integer.getInteger("linli.bench.requests", 8_000);
        int warmUp = Integer.getInteger("linli.bench.warm-up", 2_000);
        String accessLog = System.getProperty("linli.bench.access-log");

        String marker = fill(jdbc, entries);
        HttpClient probe = LoopbackLoad.signIn(base, "yongan-sq");
        long waitStart = System.nanoTime();
        while (!probe.send(HttpRequest.newBuilder(URI.create(base + "/api/knowledge/answers?q=" + LoopbackLoad.encode(marker))).build(),
                HttpResponse.BodyHandlers.ofString()).body().contains(marker)) {
            if (System.nanoTime() - waitStart > 120e9) throw new IllegalStateException("the index never showed the generated entries");
            Thread.sleep(200);
        }
        System.out.printf(Locale.ROOT, "%d entries indexed (rebuild seen after %.1f s)%n", entries, (System.nanoTime() - waitStart) / 1e9);

        Random random = new Random(20261126L);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < requests + warmUp; i++) {
            String[] query = QUERIES[random.nextInt(QUERIES.length)];
            String text = random.nextInt(4) == 0 ? PLACES[random.nextInt(PLACES.length)] + " " + query[0] : query[0];
            paths.add("/api/knowledge/answers?limit=5&q=" + LoopbackLoad.encode(text)
                    + (random.nextBoolean() ? "&category=" + query[1] : ""));
        }
        List<HttpClient> sessions = LoopbackLoad.signIn(base, "yongan-sq", clients);
        LoopbackLoad.run(base, sessions, paths.subList(0, warmUp), body -> true);
        long logStart = LoopbackLoad.logSize(accessLog);
        LoopbackLoad.Result result = LoopbackLoad.run(base, sessions, paths.subList(warmUp, paths.size()), body -> !body.equals("[]"));
        System.out.printf(Locale.ROOT, "%d clients, %d requests after %d to warm up%n", clients, requests, warmUp);
        System.out.println(result.summary("answers"));
        if (accessLog != null) {
            System.out.println(LoopbackLoad.serverSummary("answers", LoopbackLoad.serverTimes(accessLog, logStart, "/api/knowledge/answers")));
        }
    }

    /** Adds generated entries until there are {@code target}; returns a word that only the last generated entry has. */
    private static String fill(String url, int target) throws Exception {
        List<String[]> demo = demoEntries();
        try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
            db.setAutoCommit(false);
            long existing;
            try (ResultSet rs = db.createStatement().executeQuery("select count(*) from knowledge_entry")) {
                rs.next();
                existing = rs.getLong(1);
            }
            Random random = new Random(42);
            String marker = "基准标记" + target;
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into knowledge_entry (version, question, answer, category_codes, source_document, valid_from,
                        owner_department, retired, changed_by, changed_at) values (1, ?, ?, ?, ?, ?, ?, false, 'bench', ?)""")) {
                for (long i = existing; i < target; i++) {
                    String[] a = demo.get(random.nextInt(demo.size()));
                    String[] b = demo.get(random.nextInt(demo.size()));
                    String place = PLACES[random.nextInt(PLACES.length)] + (random.nextBoolean() ? "社区" : "小区");
                    String question = place + "居民问：" + a[0];
                    String answer = a[1] + (i == target - 1 ? marker : "") + " 另：" + b[1];
                    insert.setString(1, question.length() > 500 ? question.substring(0, 500) : question);
                    insert.setString(2, answer.length() > 8000 ? answer.substring(0, 8000) : answer);
                    insert.setString(3, a[2].replace(" ", ""));
                    insert.setString(4, a[3]);
                    insert.setObject(5, LocalDate.of(2024, 1, 1));
                    insert.setString(6, a[4]);
                    insert.setTimestamp(7, Timestamp.from(Instant.now()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            // what another instance sends after changing the knowledge base: this one rebuilds its index
            db.createStatement().execute("select pg_notify('linli_signal', current_schema() || '/knowledge/benchmark')");
            db.commit();
            return marker;
        }
    }

    /** The demo entries: question, answer, category codes, source, owner. */
    private static List<String[]> demoEntries() throws Exception {
        List<String[]> entries = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(KnowledgeSearchBenchmark.class
                .getResourceAsStream("/knowledge/demo-entries.tsv"), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                entries.add(line.split("\t", -1));
            }
        }
        return entries;
    }
}
