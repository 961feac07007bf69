package cn.linli.cluster.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.linli.cluster.ClusterSignals;

/**
 * Signals as PostgreSQL {@code NOTIFY} on one channel, {@value #CHANNEL}, with the payload
 * {@code schema/channel/instance}: the server delivers a notification only when its transaction commits, and to
 * every session that listens in the same database, so the schema in the payload keeps apart the deployments (and
 * test schemas) that share one database. A dedicated connection outside the pool listens, so a busy pool never
 * delays a refresh; when it breaks it is re-opened with back-off and every subscriber runs once (again after back-off,
 * until every refresh has succeeded).
 */
final class PostgresqlNotifications implements ClusterSignals, SmartLifecycle {

    static final String CHANNEL = "linli_signal";

    private static final Logger log = LoggerFactory.getLogger(PostgresqlNotifications.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final ListenerConnection connectionSettings;
    private final String schema;
    private final String instanceId = UUID.randomUUID().toString();
    private final Subscribers subscribers = new Subscribers();
    private volatile boolean running;
    private Thread listener;

    /** How to open the listening connection: the application's own URL and credentials. */
    record ListenerConnection(String url, String username, String password) {
        Connection open() throws SQLException {
            return DriverManager.getConnection(url, username, password == null ? "" : password);
        }
    }

    PostgresqlNotifications(JdbcClient jdbc, ListenerConnection connectionSettings, String schema) {
        this.jdbc = jdbc;
        this.connectionSettings = connectionSettings;
        this.schema = schema;
    }

    @Override
    public void signal(String channel) {
        ClusterSignals.requireChannel(channel);
        jdbc.sql("select pg_notify(:channel, :payload)")
                .param("channel", CHANNEL).param("payload", schema + "/" + channel + "/" + instanceId)
                .query().singleRow();
    }

    @Override
    public void subscribe(String channel, Runnable onSignal) {
        subscribers.add(ClusterSignals.requireChannel(channel), onSignal);
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public synchronized void start() {
        running = true;
        listener = new Thread(this::listen, "linli-cluster-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (listener != null) listener.interrupt();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        Duration backoff = Duration.ofSeconds(1);
        boolean reconnecting = false;
        while (running) {
            try (Connection connection = connectionSettings.open()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (reconnecting) {
                    log.info("Listening for cluster signals again; refreshing everything that may have missed one");
                    // After a database outage the listener may be back before the pool: a refresh that failed would
                    // leave this instance's memory stale until the next signal, so it is tried again after back-off.
                    if (!subscribers.deliverAll()) throw new SQLException("a refresh after reconnecting failed");
                }
                backoff = Duration.ofSeconds(1);
                receive(connection.unwrap(PGConnection.class));
            } catch (SQLException e) {
                if (!running) return;
                log.warn("Cluster signal listener lost its connection ({}); retrying in {} s", e.getMessage(), backoff.toSeconds());
                reconnecting = true;
                if (!pause(backoff)) return;
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void receive(PGConnection connection) throws SQLException {
        while (running) {
            PGNotification[] notifications = connection.getNotifications(POLL_MILLIS);
            if (notifications == null) continue;
            for (PGNotification notification : notifications) {
                String[] parts = notification.getParameter().split("/", 3);
                if (parts.length == 3 && parts[0].equals(schema) && !parts[2].equals(instanceId)) {
                    subscribers.deliver(parts[1]);
                }
            }
        }
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
