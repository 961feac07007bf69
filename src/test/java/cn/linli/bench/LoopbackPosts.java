package cn.linli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * An open-loop load generator that costs the machine little: HTTP/1.1 over plain keep-alive connections, all of them
 * driven by one thread with a {@link Selector}, requests written as bytes. On two cores shared with the server and its
 * database, every CPU cycle spent here is one the server under test lacks: Java's HttpClient took about 30 % of a core
 * at 500 requests a second, 256 threads with a blocking socket each 0.54–0.63 ms of CPU per request (idle threads
 * polling their queue, two handoffs per request), this about 0.22 ms against a trivial local server, most of it the
 * kernel's share of a loopback write, a read and two thread wake-ups.
 * <p>
 * Request {@code i} is due at start + i / rate. It goes out on an idle connection, or on a new one while fewer than
 * {@code connections} are open, one request in flight per connection; a request that waits for a connection is still
 * charged from its due time (no coordinated omission). The answer's status is read and its body skipped (Content-Length
 * or chunked); an answer that says {@code Connection: close} counts, and later requests use another connection.
 */
final class LoopbackPosts {

    /** The limits the blocking sockets had: 5 s to connect, 30 s without a byte of the answer. */
    private static final long CONNECT_TIMEOUT = TimeUnit.SECONDS.toNanos(5);
    private static final long READ_TIMEOUT = TimeUnit.SECONDS.toNanos(30);
    /** How long answers are awaited after the last request was due. */
    private static final long ANSWER_WAIT = TimeUnit.MINUTES.toNanos(2);
    /** How often connections are checked against the timeouts: the timeouts are seconds, so a second is close enough. */
    private static final long TIMEOUT_CHECK = TimeUnit.SECONDS.toNanos(1);

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
        // everything up to the idempotency key is the same in every request, so it is encoded once
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nContent-Type: application/json\r\n"
                + "Accept: application/json\r\n" + String.join("", headers.stream().map(h -> h + "\r\n").toList())
                + "Idempotency-Key: ").getBytes(StandardCharsets.US_ASCII);
        try (Load load = new Load(head, body, idempotencyKey, rate, total)) {
            return load.run();
        } catch (IOException e) {
            // the selector itself failed, not a connection: there is no run to report
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One run. Its state belongs to the thread that called {@link #post}; the alarm thread only wakes that thread's
     * selector when a request falls due, because a selector's timeout has only millisecond resolution and a request sent
     * up to a millisecond late would add up to a millisecond to its measured latency.
     */
    private final class Load implements AutoCloseable {

        private final byte[] head;
        private final IntFunction<String> body;
        private final IntFunction<String> idempotencyKey;
        private final int total;
        private final long interval;
        private final long start;
        private final long[] latency;
        private final Map<Integer, Integer> statuses = new HashMap<>();
        private final Map<String, Integer> failures = new HashMap<>();
        private final Selector selector;
        private final Thread alarm;
        /** Connections without a request, the longest idle first: requests take turns on them, as worker threads did. */
        private final ArrayDeque<Connection> idle = new ArrayDeque<>();
        private int open;
        private int next;
        private int answered;
        private long lastAnswer;

        Load(byte[] head, IntFunction<String> body, IntFunction<String> idempotencyKey, int rate, int total) throws IOException {
            this.head = head;
            this.body = body;
            this.idempotencyKey = idempotencyKey;
            this.total = total;
            this.interval = TimeUnit.SECONDS.toNanos(1) / rate;
            this.latency = new long[total];
            this.selector = Selector.open();
            this.start = System.nanoTime();
            this.alarm = new Thread(this::wakeAtDueTimes, "load-alarm");
            alarm.setDaemon(true);
            alarm.start();
        }

        private long due(int i) {
            return start + i * interval;
        }

        private void wakeAtDueTimes() {
            for (int i = 0; i < total; i++) {
                for (long wait = due(i) - System.nanoTime(); wait > 0; wait = due(i) - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                    if (Thread.currentThread().isInterrupted()) return;
                }
                selector.wakeup();
            }
        }

        Run run() throws IOException, InterruptedException {
            long deadline = due(total - 1) + ANSWER_WAIT;
            long nextCheck = start + TIMEOUT_CHECK;
            while (true) {
                long now = System.nanoTime();
                sendDue(now);
                if (answered == total) break;
                if (now - deadline >= 0) {
                    failures.merge("not answered within 2 minutes", total - answered, Integer::sum);
                    break;
                }
                if (now - nextCheck >= 0) {
                    expire(now);
                    nextCheck = now + TIMEOUT_CHECK;
                }
                long sleep = TimeUnit.NANOSECONDS.toMillis(Math.min(deadline, nextCheck) - now);
                selector.select(this::ready, Math.max(1, sleep));
                // the selector returns at once, not with an exception, when the thread is interrupted
                if (Thread.interrupted()) throw new InterruptedException();
            }
            return new Run(latency, Map.copyOf(statuses), Map.copyOf(failures), (lastAnswer - start) / 1e9);
        }

        /** Sends every request that is due, as far as connections allow; the rest wait for an answer to free one. */
        private void sendDue(long now) {
            while (next < total && now - due(next) >= 0 && (!idle.isEmpty() || open < connections)) {
                int i = next++;
                Connection connection = idle.pollFirst();
                try {
                    if (connection == null) connection = new Connection();
                    connection.send(i);
                } catch (IOException e) {
                    fail(connection, i, e);
                }
            }
        }

        /** Handles a connection the selector found ready. */
        private void ready(SelectionKey key) {
            Connection connection = (Connection) key.attachment();
            try {
                if (key.isConnectable()) connection.connected();
                if (key.isValid() && key.isWritable()) connection.write();
                if (key.isValid() && key.isReadable()) connection.read();
            } catch (IOException e) {
                if (connection.request >= 0) fail(connection, connection.request, e);
                else connection.close();
            }
        }

        /** Fails the requests whose connection took too long to open or has sent nothing for too long. */
        private void expire(long now) {
            for (SelectionKey key : List.copyOf(selector.keys())) {
                Connection connection = (Connection) key.attachment();
                if (connection.request < 0) continue;
                if (connection.connecting && now - connection.since > CONNECT_TIMEOUT) {
                    fail(connection, connection.request, new SocketTimeoutException("Connect timed out"));
                } else if (!connection.connecting && now - connection.since > READ_TIMEOUT) {
                    fail(connection, connection.request, new SocketTimeoutException("Read timed out"));
                }
            }
        }

        /** An I/O error: counted by kind, its connection dropped, and the request answered by the failure. */
        private void fail(Connection connection, int i, IOException e) {
            failures.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
            if (connection != null) connection.close();
            answered(i);
        }

        private void answered(int i) {
            long now = System.nanoTime();
            latency[i] = TimeUnit.NANOSECONDS.toMicros(now - due(i));
            lastAnswer = now;
            answered++;
        }

        @Override
        public void close() throws IOException {
            alarm.interrupt();
            try {
                alarm.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (SelectionKey key : List.copyOf(selector.keys())) ((Connection) key.attachment()).close();
            selector.close();
        }

        /** Where a connection is in reading an answer. */
        private enum Part { STATUS_LINE, HEADER, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILER }

        /**
         * One non-blocking keep-alive connection: writes a request from its own buffer and parses the answer as its
         * bytes arrive, however they are split, with a small state machine.
         */
        private final class Connection {

            private final SocketChannel channel;
            private final SelectionKey key;
            /** Reused for every request and answer on this connection, grown when one does not fit. */
            private ByteBuffer out = ByteBuffer.allocate(4 * 1024);
            private ByteBuffer in = ByteBuffer.allocate(8 * 1024);
            private boolean connecting;
            /** The request in flight, or -1 when idle. */
            private int request = -1;
            /** When the connection last made progress (opened, sent, received), for the timeouts. */
            private long since;
            private Part part;
            private long remaining;
            private int status;
            private long length;
            private boolean chunked;
            private boolean closing;

            Connection() throws IOException {
                channel = SocketChannel.open();
                try {
                    channel.configureBlocking(false);
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    connecting = !channel.connect(server);
                    // the connection stays registered for reading, also when idle, so that a server closing an idle
                    // connection is noticed; writing is asked for only when a request did not fit the socket at once
                    key = channel.register(selector, connecting ? SelectionKey.OP_CONNECT : SelectionKey.OP_READ, this);
                } catch (IOException e) {
                    channel.close();
                    throw e;
                }
                open++;
                since = System.nanoTime();
            }

            /** Builds request i in the buffer and sends it, or leaves it for {@link #connected}. */
            void send(int i) throws IOException {
                byte[] json = body.apply(i).getBytes(StandardCharsets.UTF_8);
                byte[] tail = (idempotencyKey.apply(i) + "\r\nContent-Length: " + json.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                int size = head.length + tail.length + json.length;
                if (out.capacity() < size) out = ByteBuffer.allocate(Math.max(size, 2 * out.capacity()));
                out.clear();
                out.put(head).put(tail).put(json).flip();
                request = i;
                part = Part.STATUS_LINE;
                since = System.nanoTime();
                if (!connecting) write();
            }

            void connected() throws IOException {
                if (!channel.finishConnect()) return;
                connecting = false;
                since = System.nanoTime();
                key.interestOps(SelectionKey.OP_READ);
                write();
            }

            void write() throws IOException {
                channel.write(out);
                int ops = out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
                // changing the interest costs a system call, so only when it changes
                if (key.interestOps() != ops) key.interestOps(ops);
            }

            void read() throws IOException {
                int read = channel.read(in);
                if (request < 0) {
                    // an idle connection that the server closed (or, wrongly, sent to): no request is lost with it
                    close();
                    return;
                }
                if (read < 0) {
                    throw new IOException(part == Part.BODY || part == Part.CHUNK_DATA ? "connection closed in a body" : "connection closed");
                }
                since = System.nanoTime();
                in.flip();
                boolean whole = parse();
                if (whole) {
                    // without pipelining nothing follows an answer; whatever did is not the next answer's start
                    in.clear();
                    answered();
                } else {
                    in.compact();
                    // a line longer than the buffer: grow it, as the line must be whole to be read
                    if (!in.hasRemaining()) in = ByteBuffer.allocate(2 * in.capacity()).put(in.flip());
                }
            }

            private void answered() {
                statuses.merge(status, 1, Integer::sum);
                int i = request;
                request = -1;
                // Tomcat ends a keep-alive connection after its 100th request, with that answer; and an answer that came
                // before its request was all sent (an early error) leaves the connection in the middle of a request
                if (closing || out.hasRemaining()) close();
                else idle.addLast(this);
                Load.this.answered(i);
            }

            void close() {
                if (!channel.isOpen()) return;
                open--;
                if (request < 0) idle.remove(this);
                request = -1;
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing a broken connection
                }
            }

            /** Consumes the bytes read so far; true when they complete the answer. */
            private boolean parse() throws IOException {
                byte[] bytes = in.array();
                int at = in.position();
                int end = in.limit();
                while (true) {
                    if (part == Part.BODY || part == Part.CHUNK_DATA) {
                        // a body is skipped, not kept
                        int skip = (int) Math.min(remaining, end - at);
                        at += skip;
                        remaining -= skip;
                        if (remaining > 0) {
                            in.position(at);
                            return false;
                        }
                        if (part == Part.BODY) {
                            in.position(at);
                            return true;
                        }
                        part = Part.CHUNK_END;
                        continue;
                    }
                    int lineFeed = at;
                    while (lineFeed < end && bytes[lineFeed] != '\n') lineFeed++;
                    if (lineFeed == end) {
                        in.position(at);
                        return false;
                    }
                    int lineEnd = lineFeed > at && bytes[lineFeed - 1] == '\r' ? lineFeed - 1 : lineFeed;
                    boolean last = line(new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1));
                    at = lineFeed + 1;
                    if (last) {
                        in.position(at);
                        return true;
                    }
                }
            }

            /** Takes one line of the answer, without its line end; true when it ends the answer. */
            private boolean line(String line) throws IOException {
                switch (part) {
                    case STATUS_LINE -> {
                        if (!line.startsWith("HTTP/1.1 ") || line.length() < 12) throw new IOException("not an HTTP answer: " + line);
                        status = (int) number(line.substring(9, 12), 10);
                        length = -1;
                        chunked = false;
                        closing = false;
                        part = Part.HEADER;
                    }
                    case HEADER -> {
                        if (line.isEmpty()) {
                            // the headers' end: the body follows by chunks, by length, or there is none
                            if (chunked) {
                                part = Part.CHUNK_SIZE;
                            } else if (length > 0) {
                                part = Part.BODY;
                                remaining = length;
                            } else {
                                return true;
                            }
                        } else {
                            String lower = line.toLowerCase(Locale.ROOT);
                            if (lower.startsWith("content-length:")) length = number(lower.substring(15).strip(), 10);
                            else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
                            else if (lower.startsWith("connection:") && lower.contains("close")) closing = true;
                        }
                    }
                    case CHUNK_SIZE -> {
                        int extension = line.indexOf(';');
                        long size = number((extension < 0 ? line : line.substring(0, extension)).strip(), 16);
                        if (size == 0) {
                            part = Part.TRAILER;
                        } else {
                            part = Part.CHUNK_DATA;
                            remaining = size;
                        }
                    }
                    // the line end that follows a chunk's data
                    case CHUNK_END -> part = Part.CHUNK_SIZE;
                    // trailer fields are skipped up to the empty line that ends the answer
                    case TRAILER -> {
                        return line.isEmpty();
                    }
                    default -> throw new IllegalStateException("no line expected in " + part);
                }
                return false;
            }
        }
    }

    /** A number in an answer; a malformed one fails the request like any other broken answer. */
    private static long number(String digits, int radix) throws IOException {
        try {
            return Long.parseLong(digits, radix);
        } catch (NumberFormatException e) {
            throw new IOException("not a number in an answer: " + digits);
        }
    }
}
