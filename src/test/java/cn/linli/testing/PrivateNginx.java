package cn.linli.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private nginx in front of test instances: the project's site configuration ({@code ops/nginx/linli.conf}) with
 * its upstream servers and listen address replaced, inside a generated main configuration whose pid file, logs and
 * temporary directories are under a directory of the test's own. Runs in the foreground ({@code daemon off}) as a
 * child process, never touching the machine's nginx.
 */
public final class PrivateNginx implements AutoCloseable {

    static final Path SITE = Path.of("ops/nginx/linli.conf");
    private static final Path NGINX = Path.of(System.getenv().getOrDefault("NGINX", "/usr/sbin/nginx"));
    /** The example upstream servers and listen line of the site configuration, which the test replaces. */
    private static final String FIRST_SERVER = "server 10.0.0.11:8080";
    private static final String SECOND_SERVER = "server 10.0.0.12:8080";
    private static final String LISTEN = "listen 80;";

    private final Process process;
    private final int port;
    private final Path directory;

    private PrivateNginx(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    static String unavailableReason() {
        return Files.isExecutable(NGINX) ? null : "nginx not installed at " + NGINX + " (apt-get install -y nginx)";
    }

    /** Starts nginx on a free loopback port in front of the two instances' ports. */
    public static PrivateNginx start(Path directory, int firstPort, int secondPort) throws IOException, InterruptedException {
        Files.createDirectories(directory.resolve("logs"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.writeString(directory.resolve("linli.conf"), site(firstPort, secondPort, port), StandardCharsets.UTF_8);
        Path main = directory.resolve("nginx.conf");
        Files.writeString(main, String.join("\n", List.of(
                "daemon off;", "master_process on;", "worker_processes 1;", "pid " + directory.resolve("nginx.pid") + ";",
                "error_log " + directory.resolve("logs/error.log") + " info;",
                "events { worker_connections 512; }",
                "http {",
                "  access_log " + directory.resolve("logs/access.log") + " combined;",
                "  client_body_temp_path " + directory.resolve("client_body") + ";",
                "  proxy_temp_path " + directory.resolve("proxy") + ";",
                "  fastcgi_temp_path " + directory.resolve("fastcgi") + ";",
                "  uwsgi_temp_path " + directory.resolve("uwsgi") + ";",
                "  scgi_temp_path " + directory.resolve("scgi") + ";",
                "  include " + directory.resolve("linli.conf") + ";",
                "}", "")), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(NGINX.toString(), "-e", directory.resolve("logs/error.log").toString(),
                "-p", directory.toString(), "-c", main.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("logs/nginx.out").toFile()).start();
        PrivateNginx nginx = new PrivateNginx(process, port, directory);
        nginx.awaitListening();
        return nginx;
    }

    /** The site configuration as shipped, pointed at loopback ports; fails if its example lines have changed. */
    static String site(int firstPort, int secondPort, int port) throws IOException {
        String site = Files.readString(SITE, StandardCharsets.UTF_8);
        for (String expected : List.of(FIRST_SERVER, SECOND_SERVER, LISTEN)) {
            if (!site.contains(expected)) throw new IllegalStateException(SITE + " no longer contains '" + expected + "'");
        }
        return site.replace(FIRST_SERVER, "server 127.0.0.1:" + firstPort)
                .replace(SECOND_SERVER, "server 127.0.0.1:" + secondPort)
                .replace(LISTEN, "listen 127.0.0.1:" + port + ";");
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitListening() throws IOException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (!process.isAlive()) throw new IllegalStateException("nginx exited: " + log());
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx not listening on " + port + ": " + log());
    }

    private String log() throws IOException {
        return Files.readString(directory.resolve("logs/nginx.out")) + Files.readString(directory.resolve("logs/error.log"));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
