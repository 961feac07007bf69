package cn.linli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The load generator against a tiny HTTP/1.1 server of its own, which answers as a test needs: by length or by chunks,
 * in pieces, closing its connections, or not at all.
 */
@Timeout(20)
class LoopbackPostsTest {

    private static final List<String> HEADERS = List.of("Cookie: SESSION=abc", "X-CSRF-TOKEN: t0k3n");

    @Test
    void everyRequestArrivesWithItsBodyHeadersAndKeyAndEveryStatusIsCounted() throws Exception {
        try (TinyServer server = new TinyServer((request, onConnection) -> {
            int i = Integer.parseInt(request.headers().get("idempotency-key").substring(4));
            int status = i % 10 == 9 ? 503 : 201;
            String answer = "{\"n\":" + i + ",\"text\":\"" + "x".repeat(i * 37 % 3000) + "\"}";
            // by length, by chunks, and every seventh one written in pieces so that it arrives split
            return i % 2 == 0 ? Answer.sized(status, answer, i % 7 == 0) : Answer.chunked(status, answer, i % 7 == 0);
        })) {
            int total = 200;
            LoopbackPosts.Run run = server.generator(8).post("/api/casework/cases", HEADERS, LoopbackPostsTest::body,
                    i -> "key-" + i, 1_000, total);

            assertThat(run.failures()).isEmpty();
            assertThat(run.statuses()).isEqualTo(Map.of(201, 180, 503, 20));
            assertThat(run.latencyMicros()).hasSize(total);
            assertThat(LongStream.of(run.latencyMicros()).min().orElseThrow()).isPositive();
            assertThat(run.seconds()).isGreaterThan(0.19).isLessThan(10);
            assertThat(server.requests).hasSize(total);
            Map<String, Request> byKey = server.requests.stream()
                    .collect(Collectors.toMap(request -> request.headers().get("idempotency-key"), request -> request));
            assertThat(byKey.keySet()).isEqualTo(IntStream.range(0, total).mapToObj(i -> "key-" + i).collect(Collectors.toSet()));
            byKey.forEach((key, request) -> {
                assertThat(request.line()).isEqualTo("POST /api/casework/cases HTTP/1.1");
                assertThat(request.body()).isEqualTo(body(Integer.parseInt(key.substring(4))));
                assertThat(request.headers()).containsEntry("host", "127.0.0.1:" + server.port())
                        .containsEntry("content-type", "application/json").containsEntry("accept", "application/json")
                        .containsEntry("cookie", "SESSION=abc").containsEntry("x-csrf-token", "t0k3n");
            });
            assertThat(server.connections.get()).isBetween(1, 8);
        }
    }

    @Test
    void answersThatCloseTheirConnectionCountAndLaterRequestsUseNewConnections() throws Exception {
        // as Tomcat does after a keep-alive connection's 100th request, here after its third
        try (TinyServer server = new TinyServer((request, onConnection) ->
                onConnection % 3 == 0 ? Answer.closing(Answer.sized(201, "{}", false)) : Answer.chunked(201, "{}", false))) {
            LoopbackPosts.Run run = server.generator(4).post("/intake", List.of(), i -> "{}", i -> "k" + i, 1_000, 150);

            assertThat(run.failures()).isEmpty();
            assertThat(run.statuses()).isEqualTo(Map.of(201, 150));
            assertThat(LongStream.of(run.latencyMicros()).min().orElseThrow()).isPositive();
            assertThat(server.requests).hasSize(150);
            assertThat(server.connections.get()).isGreaterThanOrEqualTo(50);
        }
    }

    @Test
    void aRequestWaitingForAConnectionIsChargedFromItsDueTime() throws Exception {
        // one connection, answers taking 5 ms, a request due every millisecond: the queue grows by 4 ms a request
        try (TinyServer server = new TinyServer((request, onConnection) -> {
            Thread.sleep(5);
            return Answer.sized(201, "{}", false);
        })) {
            LoopbackPosts.Run run = server.generator(1).post("/intake", List.of(), i -> "{}", i -> "k" + i, 1_000, 50);

            assertThat(run.failures()).isEmpty();
            assertThat(run.statuses()).isEqualTo(Map.of(201, 50));
            assertThat(server.connections.get()).isEqualTo(1);
            assertThat(run.latencyMicros()[0]).isGreaterThanOrEqualTo(5_000);
            // the last one was due 49 ms after the start and answered after 50 answers of at least 5 ms each
            assertThat(run.latencyMicros()[49]).isGreaterThanOrEqualTo(250_000 - 49_000);
            assertThat(run.seconds()).isGreaterThanOrEqualTo(0.25);
        }
    }

    @Test
    void aBrokenConnectionFailsItsRequestOnlyAndIsReplaced() throws Exception {
        try (TinyServer server = new TinyServer((request, onConnection) ->
                request.headers().get("idempotency-key").equals("k5") ? null : Answer.sized(201, "{}", false))) {
            LoopbackPosts.Run run = server.generator(2).post("/intake", List.of(), i -> "{}", i -> "k" + i, 1_000, 20);

            assertThat(run.failures()).isEqualTo(Map.of("IOException: connection closed", 1));
            assertThat(run.statuses()).isEqualTo(Map.of(201, 19));
            assertThat(LongStream.of(run.latencyMicros()).min().orElseThrow()).isPositive();
            assertThat(server.requests).hasSize(20);
        }
    }

    @Test
    void anAnswerThatIsNotHttpIsAFailure() throws Exception {
        try (TinyServer server = new TinyServer((request, onConnection) -> "SSH-2.0-OpenSSH\r\n".getBytes(StandardCharsets.US_ASCII))) {
            LoopbackPosts.Run run = server.generator(2).post("/intake", List.of(), i -> "{}", i -> "k" + i, 1_000, 3);

            assertThat(run.failures()).isEqualTo(Map.of("IOException: not an HTTP answer: SSH-2.0-OpenSSH", 3));
            assertThat(run.statuses()).isEmpty();
        }
    }

    /** Request i's JSON, not all ASCII, so that its Content-Length must count bytes. */
    private static String body(int i) {
        return "{\"title\":\"永安社区3号楼 " + i + "\",\"pad\":\"" + "y".repeat(i * 13 % 500) + "\"}";
    }

    private record Request(String line, Map<String, String> headers, String body) {
    }

    /** What the server writes for a request: the answer's bytes, or null to close the connection without one. */
    @FunctionalInterface
    private interface Answers {
        byte[] answer(Request request, int onConnection) throws Exception;
    }

    /** Answers as bytes; a {@code null} byte marks where the server pauses, so that the answer arrives split. */
    private static final class Answer {

        static byte[] sized(int status, String body, boolean inPieces) {
            return ascii(statusLine(status) + "Content-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\n\r\n" + body, inPieces);
        }

        static byte[] chunked(int status, String body, boolean inPieces) {
            int half = body.length() / 2;
            return ascii(statusLine(status) + "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
                    + Integer.toHexString(half) + "\r\n" + body.substring(0, half) + "\r\n"
                    + Integer.toHexString(body.length() - half) + ";note=x\r\n" + body.substring(half) + "\r\n0\r\n\r\n", inPieces);
        }

        static byte[] closing(byte[] answer) {
            String text = new String(answer, StandardCharsets.ISO_8859_1);
            return ascii(text.replaceFirst("\r\n", "\r\nConnection: close\r\n"), false);
        }

        private static String statusLine(int status) {
            return "HTTP/1.1 " + status + " " + (status == 201 ? "Created" : "Service Unavailable") + "\r\n";
        }

        private static byte[] ascii(String text, boolean inPieces) {
            if (!inPieces) return text.getBytes(StandardCharsets.US_ASCII);
            // cut in the status line, in a header and in the body
            StringBuilder cut = new StringBuilder(text);
            for (int at : new int[] {text.length() - 3, text.length() / 2, 20, 5}) cut.insert(at, '\0');
            return cut.toString().getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** An HTTP/1.1 server on loopback, a thread per connection, that records every request it reads. */
    private static final class TinyServer implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final Answers answers;
        private final List<Request> requests = new CopyOnWriteArrayList<>();
        private final AtomicInteger connections = new AtomicInteger();
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();

        TinyServer(Answers answers) throws IOException {
            this.answers = answers;
            Thread acceptor = new Thread(this::accept, "tiny-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        LoopbackPosts generator(int connections) {
            return new LoopbackPosts(URI.create("http://127.0.0.1:" + port()), connections);
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    connections.incrementAndGet();
                    open.add(connection);
                    Thread serving = new Thread(() -> serve(connection), "tiny-server-connection");
                    serving.setDaemon(true);
                    serving.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket connection) {
            try (connection) {
                connection.setTcpNoDelay(true);
                InputStream in = new BufferedInputStream(connection.getInputStream());
                OutputStream out = connection.getOutputStream();
                for (int onConnection = 1; ; onConnection++) {
                    Request request = read(in);
                    if (request == null) return;
                    requests.add(request);
                    byte[] answer = answers.answer(request, onConnection);
                    if (answer == null) return;
                    int from = 0;
                    for (int at = 0; at <= answer.length; at++) {
                        if (at < answer.length && answer[at] != 0) continue;
                        out.write(answer, from, at - from);
                        out.flush();
                        if (at < answer.length) Thread.sleep(2);
                        from = at + 1;
                    }
                    if (new String(answer, StandardCharsets.ISO_8859_1).contains("\r\nConnection: close\r\n")) return;
                }
            } catch (Exception e) {
                // the generator closed the connection, or the test is over
            } finally {
                open.remove(connection);
            }
        }

        /** Reads one request, or null at the connection's end. */
        private static Request read(InputStream in) throws IOException {
            String line = line(in);
            if (line == null) return null;
            Map<String, String> headers = new HashMap<>();
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            return new Request(line, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) return null;
                if (b != '\r') line.write(b);
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket connection : open) connection.close();
        }
    }
}
