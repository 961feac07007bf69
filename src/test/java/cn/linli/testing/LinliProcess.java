package cn.linli.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One Linli instance in a JVM of its own (the test's classpath, main class {@code cn.linli.LinliApplication}), on a
 * free loopback port, writing its log to a file; what a server in a city's cluster is, down to dying by
 * {@code kill -9}.
 */
public final class LinliProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private LinliProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts an instance with these application arguments ({@code --key=value}) and returns at once. */
    public static LinliProcess start(String name, Path logDirectory, List<String> arguments) throws IOException {
        int port = freePort();
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "cn.linli.LinliApplication", "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new LinliProcess(name, process, port, log);
    }

    /** The application arguments for PostgreSQL at the test URL, in a schema of its own (created if missing). */
    public static List<String> postgresqlArguments(String jdbcUrl, String schema) {
        return List.of("--spring.datasource.url=" + jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "--spring.datasource.username=" + TestDatabase.postgresqlUser(),
                "--spring.datasource.password=" + TestDatabase.postgresqlPassword(),
                "--spring.flyway.schemas=" + schema, "--spring.flyway.default-schema=" + schema,
                // small pools, as in the other integration tests: the suite shares the server's max_connections
                "--spring.datasource.hikari.maximum-pool-size=6", "--spring.datasource.hikari.minimum-idle=1");
    }

    /** Waits until {@code /actuator/health} answers 200; fails with the end of the log if the process dies first. */
    public LinliProcess awaitHealthy(Duration limit) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) return this;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not healthy within " + limit + ":\n" + logTail());
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself; its exit code, or fails if it still runs after the limit. */
    public int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " still running after " + limit + ":\n" + logTail());
        }
        return process.exitValue();
    }

    /** The whole log so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** {@code kill -9}: the JVM gets no chance to finish a request, commit or close a connection. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** The last lines of the instance's log, for a failure message. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) kill();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
