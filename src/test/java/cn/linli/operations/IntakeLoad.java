package cn.linli.operations;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import cn.linli.testing.StaffSession;

/**
 * Front-desk clients that take in cases one after another through a proxy, the way a careful client does: each intake
 * has its own {@code Idempotency-Key}, and an intake without an answer (connection reset, 502, 503, a lost session) is
 * sent again with the same key, after a new login if the session is gone, until it is acknowledged (201, or 200 for a
 * case an instance took in before its answer was lost). What each client recorded is what the test checks against the
 * database.
 */
final class IntakeLoad {

    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final String base;
    private final String username;
    private final String password;
    private final Function<String, String> body;
    private final String prefix;
    private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong slowestMillis = new java.util.concurrent.atomic.AtomicLong();
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger repeats = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger givenUp = new AtomicInteger();
    private final List<Thread> clients = new ArrayList<>();
    private volatile boolean running = true;

    IntakeLoad(String prefix, String base, String username, String password, Function<String, String> body) {
        this.prefix = prefix;
        this.base = base;
        this.username = username;
        this.password = password;
        this.body = body;
    }

    void start(int clientCount) {
        for (int c = 0; c < clientCount; c++) {
            int client = c;
            Thread thread = new Thread(() -> run(client), "intake-client-" + c);
            thread.setDaemon(true);
            clients.add(thread);
            thread.start();
        }
    }

    /** Stops sending new intakes and waits for the ones under way to be acknowledged or given up. */
    void stop(java.time.Duration limit) throws InterruptedException {
        running = false;
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread client : clients) {
            client.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
    }

    /** Idempotency key to case number, for every intake that was acknowledged. */
    Map<String, String> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    /** How often each status answered an intake. */
    Map<Integer, Integer> statuses() {
        return Map.copyOf(statuses);
    }

    /** The longest an intake request waited for its answer (not counting retries). */
    long slowestMillis() {
        return slowestMillis.get();
    }

    int repeats() {
        return repeats.get();
    }

    int retries() {
        return retries.get();
    }

    int givenUp() {
        return givenUp.get();
    }

    private void run(int client) {
        StaffSession session = null;
        for (int i = 0; running; i++) {
            String key = prefix + "-" + client + "-" + i;
            long giveUpAt = System.nanoTime() + GIVE_UP_NANOS;
            boolean done = false;
            while (!done && System.nanoTime() < giveUpAt) {
                try {
                    if (session == null) session = StaffSession.signIn(base, username, password);
                    long sent = System.nanoTime();
                    var response = session.postJson("/api/casework/cases", body.apply(key), key);
                    slowestMillis.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent), Math::max);
                    statuses.merge(response.statusCode(), 1, Integer::sum);
                    if (response.statusCode() == 201 || response.statusCode() == 200) {
                        if (response.statusCode() == 200) repeats.incrementAndGet();
                        acknowledged.put(key, ClusterBehindNginxIT.numberIn(response.body()));
                        done = true;
                    } else {
                        // 401/403: the session lived on the instance that died; 502/503/504: no answer for this key
                        if (response.statusCode() == 401 || response.statusCode() == 403) session = null;
                        pause(retries);
                    }
                } catch (IOException | IllegalStateException e) {
                    session = null;
                    pause(retries);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (!done) givenUp.incrementAndGet();
        }
    }

    private static void pause(AtomicInteger retries) {
        retries.incrementAndGet();
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
