package cn.linli.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;

import cn.linli.testing.ClusterTest;
import cn.linli.testing.LinliProcess;
import cn.linli.testing.PrivateNginx;
import cn.linli.testing.StaffSession;
import cn.linli.testing.TcpProxy;
import cn.linli.testing.TestDatabase;

/**
 * Two Linli instances (JVMs of their own) on one PostgreSQL schema, reached through a private nginx running the
 * shipped {@code ops/nginx/linli.conf}, with a TCP proxy between the instances and the database: what a city runs,
 * and the faults it must survive. Sessions are each instance's own here (nginx keeps a client on one instance), so a
 * case is read back through the other instance with a login there.
 */
@ClusterTest(nginx = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterBehindNginxIT {

    private static final String SCHEMA = "linli_cluster_it";
    private static final String PASSWORD = "linli-demo-2026";
    private static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"");
    private static final Path WORK = Path.of("target/cluster-it");
    /** The pool's connection-timeout in the cluster's configuration (3 s) and a margin. */
    private static final long MINIMUM_CUT_MILLIS = 5000;

    private TcpProxy database;
    private LinliProcess first;
    private LinliProcess second;
    private PrivateNginx nginx;
    private long grid;
    private String number;

    @BeforeAll
    void startCluster() throws Exception {
        FileSystemUtils.deleteRecursively(WORK);
        try (Connection connection = connect()) {
            connection.createStatement().execute("drop schema if exists " + SCHEMA + " cascade");
            connection.createStatement().execute("create schema " + SCHEMA);
        }
        URI pg = URI.create(TestDatabase.postgresqlUrl().substring("jdbc:".length()));
        database = TcpProxy.start(0, pg.getHost(), pg.getPort() < 0 ? 5432 : pg.getPort());
        String throughProxy = "jdbc:postgresql://127.0.0.1:" + database.port() + pg.getRawPath();
        List<String> arguments = new ArrayList<>(LinliProcess.postgresqlArguments(throughProxy, SCHEMA));
        arguments.add("--linli.demo.enabled=true");
        // One instance migrates and loads the demo city; the second then starts on the finished schema.
        first = LinliProcess.start("linli-a", WORK, arguments).awaitHealthy(Duration.ofSeconds(150));
        second = LinliProcess.start("linli-b", WORK, arguments).awaitHealthy(Duration.ofSeconds(90));
        nginx = PrivateNginx.start(WORK.resolve("nginx").toAbsolutePath(), first.port(), second.port());
        try (Connection connection = connect()) {
            var result = connection.createStatement().executeQuery("select unit_id from " + SCHEMA
                    + ".territory_unit_version where code = '230804007001001' and valid_to is null");
            result.next();
            grid = result.getLong(1);
        }
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (nginx != null) nginx.close();
        if (second != null) second.close();
        if (first != null) first.close();
        if (database != null) database.close();
    }

    @Test
    @Order(1)
    void behindNginxRedirectsStayOnTheProxyAndACaseTakenThroughItIsReadOnBothInstances() throws Exception {
        HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var health = plain.send(HttpRequest.newBuilder(URI.create(nginx.base() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        var anonymous = plain.send(HttpRequest.newBuilder(URI.create(nginx.base() + "/casework/inbox"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.discarding());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValue(nginx.base() + "/login");

        StaffSession desk = StaffSession.signIn(nginx.base(), "yongan-sq", PASSWORD);
        var taken = desk.postJson("/api/casework/cases", intake("nginx"), "cluster-nginx-1");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
        number = numberIn(taken.body());

        for (LinliProcess instance : List.of(first, second)) {
            var read = StaffSession.signIn(instance.base(), "yongan", PASSWORD)
                    .get("/api/casework/cases/by-number/" + number, "application/json");
            assertThat(read.statusCode()).as(instance.name()).isEqualTo(200);
            assertThat(numberIn(read.body())).isEqualTo(number);
        }
    }

    @Test
    @Order(2)
    void liveUpdatesPassThroughNginxAtOnce() throws Exception {
        StaffSession desk = StaffSession.signIn(nginx.base(), "yongan-sq", PASSWORD);
        var response = desk.client().sendAsync(HttpRequest.newBuilder(URI.create(nginx.base() + "/casework/stream"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        try (InputStream body = response.body()) {
            // The first event is a short comment: with nginx's buffering on it would wait for a full buffer.
            String line = CompletableFuture.supplyAsync(() -> firstLine(body)).get(5, TimeUnit.SECONDS);
            assertThat(line).startsWith(":");
        }
    }

    @Test
    @Order(3)
    void whileTheDatabaseIsCutUnderLoadRequestsFailFastWith503AndLinliRecoversByItself() throws Exception {
        StaffSession desk = StaffSession.signIn(nginx.base(), "yongan-sq", PASSWORD);
        assertThat(desk.postJson("/api/casework/cases", intake("before-cut"), "cluster-cut-before").statusCode()).isEqualTo(201);
        IntakeLoad load = new IntakeLoad("cut", nginx.base(), "yongan-sq", PASSWORD, this::intake);
        load.start(2);
        Thread.sleep(2000);

        database.cut();
        long cutAt = System.nanoTime();
        try {
            long start = System.nanoTime();
            var write = desk.postJson("/api/casework/cases", intake("during-cut"), "cluster-cut-during");
            long writeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(write.statusCode()).as(write.body()).isEqualTo(503);
            assertThat(write.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
            assertThat(write.headers().firstValue("Retry-After")).isPresent();
            assertThat(write.body()).contains("数据库暂时无法连接");
            // the pool's connection-timeout (3 s) and one validation, not Hikari's default 30 s
            assertThat(writeMillis).isLessThan(8000);

            var page = desk.get("/casework/cases/by-number/" + number, "text/html");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("text/html"));
            assertThat(page.body()).contains("数据库暂时无法连接");
            // Down for longer than the pool's connection-timeout, so that the load's clients, too, meet the outage
            // with requests that wait for a connection, not only with the ones whose connection broke.
            long downFor = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cutAt);
            if (downFor < MINIMUM_CUT_MILLIS) Thread.sleep(MINIMUM_CUT_MILLIS - downFor);
        } finally {
            database.restore();
        }
        long cutMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cutAt);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int status = 0;
        while (System.nanoTime() < deadline && status != 201) {
            status = desk.postJson("/api/casework/cases", intake("after-cut"), "cluster-cut-after").statusCode();
            if (status != 201) Thread.sleep(500);
        }
        assertThat(status).as("an intake after the database came back").isEqualTo(201);
        load.stop(Duration.ofSeconds(40));
        System.out.printf("database cut for %.1f s under intake load through nginx: answers %s, slowest %d ms; "
                        + "%d intakes acknowledged, %d answered 200 to a retry, %d given up%n",
                cutMillis / 1000.0, load.statuses(), load.slowestMillis(), load.acknowledged().size(), load.repeats(), load.givenUp());
        assertThat(load.statuses()).containsKey(503).as("every failure is a clear 503").doesNotContainKey(500);
        assertThat(load.slowestMillis()).as("no intake waits for the database").isLessThan(8000);
        assertThat(load.givenUp()).isZero();
        assertEachOnce(load.acknowledged());
        assertThat(countWhere("idempotency_key = 'cluster-cut-during'")).isZero();
        assertThat(desk.get("/casework/cases/by-number/" + number, "text/html").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void killingTheServingInstanceDuringIntakeLoadLosesNoAcknowledgedCaseAndTheOtherCarriesOn() throws Exception {
        LinliProcess victim = servingInstance();
        LinliProcess survivor = victim == first ? second : first;
        IntakeLoad load = new IntakeLoad("kill", nginx.base(), "yongan-sq", PASSWORD, this::intake);
        load.start(4);
        Thread.sleep(4000);
        int beforeKill = load.acknowledged().size();
        victim.kill();
        Thread.sleep(8000);
        load.stop(Duration.ofSeconds(40));

        Map<String, String> acknowledged = load.acknowledged();
        System.out.printf("kill -9 %s during intake load through nginx: %d intakes acknowledged (%d before the kill), "
                        + "%d answered 200 to a retry (taken in before the kill, answer lost), %d retries in all, %d given up%n",
                victim.name(), acknowledged.size(), beforeKill, load.repeats(), load.retries(), load.givenUp());
        assertThat(victim.isAlive()).isFalse();
        assertThat(beforeKill).isPositive();
        assertThat(acknowledged.size()).as("intakes acknowledged by the survivor").isGreaterThan(beforeKill);
        assertThat(load.givenUp()).as("intakes never acknowledged").isZero();
        assertEachOnce(acknowledged);
        assertThat(countWhere("not exists (select 1 from " + SCHEMA + ".casework_case_history h where h.case_id = c.id)"))
                .as("cases without their history").isZero();
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(survivor.base() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    }

    /** Every acknowledged intake is one case, with the number its client was given. */
    private void assertEachOnce(Map<String, String> acknowledged) throws SQLException {
        try (Connection connection = connect()) {
            var check = connection.prepareStatement("select count(*), min(number) from " + SCHEMA
                    + ".casework_case where idempotency_key = ?");
            for (var entry : acknowledged.entrySet()) {
                check.setString(1, entry.getKey());
                var result = check.executeQuery();
                result.next();
                assertThat(result.getLong(1)).as("cases with key " + entry.getKey()).isEqualTo(1);
                assertThat(result.getString(2)).isEqualTo(entry.getValue());
            }
        }
    }

    /** The instance nginx sends this machine's clients to: the one that knows a session made through nginx. */
    private LinliProcess servingInstance() throws Exception {
        StaffSession probe = StaffSession.signIn(nginx.base(), "yongan-sq", PASSWORD);
        // Cookies are kept per host, not per port, so the session cookie goes to the instance's own port as well.
        var direct = probe.client().send(HttpRequest.newBuilder(URI.create(first.base() + "/api/casework/cases/by-number/" + number))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.discarding());
        return direct.statusCode() == 200 ? first : second;
    }

    String intake(String key) {
        return """
                {"type": "COMPLAINT", "channel": "WINDOW", "title": "集群测试 %s", "description": "永安社区3号楼东侧垃圾堆放三天无人清运。",
                 "address": "前进区永安社区3号楼", "reporterName": "王女士", "reporterPhone": "13845467788",
                 "wantsReturnVisit": true, "placeUnitId": %d}""".formatted(key, grid);
    }

    static String numberIn(String json) {
        Matcher m = NUMBER.matcher(json);
        assertThat(m.find()).as("a case number in " + json).isTrue();
        return m.group(1);
    }

    private long countWhere(String condition) throws SQLException {
        try (Connection connection = connect()) {
            var result = connection.createStatement().executeQuery("select count(*) from " + SCHEMA + ".casework_case c where " + condition);
            result.next();
            return result.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestDatabase.postgresqlUrl(), TestDatabase.postgresqlUser(), TestDatabase.postgresqlPassword());
    }

    private static String firstLine(InputStream body) {
        try {
            return new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)).readLine();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
