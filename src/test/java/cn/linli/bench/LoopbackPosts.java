package cn.linli.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * An open-loop load generator that costs the machine little: HTTP/1.1 over plain keep-alive sockets, one blocking
 * connection per worker thread, requests written as bytes. On two cores shared with the server and its database,
 * Java's HttpClient took about 30 % of a core at 500 requests a second, CPU the server under test then lacked.
 * Request {@code i} is due at start + i / rate; a scheduler thread queues it at that time and a free worker sends it,
 * so a request waiting for a connection is charged from its due time (no coordinated omission). The answer's status
 * is read and its body skipped (Content-Length or chunked).
 */
final class LoopbackPosts {

    private final InetSocketAddress server;
    private final String hostHeader;
    private final int connections;

    LoopbackPosts(URI base, int connections) {
        this.server = new InetSocketAddress(base.getHost(), base.getPort());
        this.hostHeader = base.getHost() + ":" + base.getPort();
        this.connections = connections;
    }

    /** What a run measured. */
    record Run(long[] latencyMicros, Map<Integer, Integer> statuses, Map<String, Integer> failures, double seconds) {
    }

    /**
     * Sends {@code total} POSTs to {@code path} at {@code rate} a second; {@code body} gives request i's JSON and
     * {@code headers} are sent with each (each line "Name: value").
     */
    Run post(String path, List<String> headers, IntFunction<String> body, IntFunction<String> idempotencyKey, int rate,
            int total) throws InterruptedException {
        long[] latency = new long[total];
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        LinkedBlockingQueue<long[]> due = new LinkedBlockingQueue<>();
        CountDownLatch answered = new CountDownLatch(total);
        AtomicLong lastAnswer = new AtomicLong();
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nContent-Type: application/json\r\n"
                + "Accept: application/json\r\n" + String.join("", headers.stream().map(h -> h + "\r\n").toList());
        List<Thread> workers = new ArrayList<>();
        AtomicInteger stop = new AtomicInteger();
        for (int w = 0; w < connections; w++) {
            Thread worker = new Thread(() -> {
                Connection connection = null;
                while (stop.get() == 0) {
                    long[] task;
                    try {
                        task = due.poll(100, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (task == null) continue;
                    int i = (int) task[0];
                    byte[] json = body.apply(i).getBytes(StandardCharsets.UTF_8);
                    byte[] request = (head + "Idempotency-Key: " + idempotencyKey.apply(i) + "\r\nContent-Length: " + json.length
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                    try {
                        if (connection == null) connection = new Connection(server);
                        int status = connection.exchange(request, json);
                        statuses.merge(status, 1, Integer::sum);
                        // Tomcat ends a keep-alive connection after its 100th request, with that answer
                        if (connection.closedByServer) {
                            connection.close();
                            connection = null;
                        }
                    } catch (IOException e) {
                        failures.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
                        if (connection != null) connection.close();
                        connection = null;
                    }
                    long now = System.nanoTime();
                    latency[i] = TimeUnit.NANOSECONDS.toMicros(now - task[1]);
                    lastAnswer.accumulateAndGet(now, Math::max);
                    answered.countDown();
                }
                if (connection != null) connection.close();
            }, "load-" + w);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long dueAt = start + i * interval;
            long wait = dueAt - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            due.add(new long[] {i, dueAt});
        }
        if (!answered.await(2, TimeUnit.MINUTES)) failures.merge("not answered within 2 minutes", (int) answered.getCount(), Integer::sum);
        stop.set(1);
        for (Thread worker : workers) worker.join(1_000);
        return new Run(latency, Map.copyOf(statuses), Map.copyOf(failures), (lastAnswer.get() - start) / 1e9);
    }

    /** One keep-alive connection: writes a request, reads the status line and headers, skips the body. */
    private static final class Connection {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        /** The last answer said {@code Connection: close}: it was whole, but the next request needs a new connection. */
        boolean closedByServer;

        Connection(InetSocketAddress server) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(server, 5_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        int exchange(byte[] head, byte[] body) throws IOException {
            out.write(head);
            out.write(body);
            out.flush();
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ")) throw new IOException("not an HTTP answer: " + statusLine);
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closing = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) length = Long.parseLong(lower.substring(15).strip());
                else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
                else if (lower.startsWith("connection:") && lower.contains("close")) closing = true;
            }
            if (chunked) {
                for (long size = Long.parseLong(line().strip(), 16); size > 0; size = Long.parseLong(line().strip(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            closedByServer = closing;
            return status;
        }

        private void skip(long bytes) throws IOException {
            while (bytes > 0) {
                long skipped = in.skip(bytes);
                if (skipped <= 0) {
                    if (in.read() < 0) throw new IOException("connection closed in a body");
                    skipped = 1;
                }
                bytes -= skipped;
            }
        }

        private String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) throw new IOException("connection closed");
                if (b != '\r') line.write(b);
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
    }
}
