package cn.linli.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.cluster.ClusterSignals;
import cn.linli.testing.IntegrationTest;

/**
 * Signals between two instances on one database, on H2 (polled counters) and on PostgreSQL (NOTIFY): this
 * application is one instance, a second one is started beside it on the same database.
 */
@IntegrationTest
class ClusterSignalsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Autowired ClusterSignals signals;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired DataSourceProperties properties;
    @Autowired TransactionTemplate transactions;

    ClusterSignals other;
    final List<String> heardByOther = new CopyOnWriteArrayList<>();
    final List<String> heardHere = Collections.synchronizedList(new CopyOnWriteArrayList<>());

    @BeforeEach
    void startASecondInstance() throws Exception {
        if (signals instanceof PostgresqlNotifications) {
            String schema;
            try (var connection = dataSource.getConnection()) {
                schema = connection.getSchema();
            }
            other = new PostgresqlNotifications(jdbc, new PostgresqlNotifications.ListenerConnection(properties.determineUrl(),
                    properties.determineUsername(), properties.determinePassword()), schema);
        } else {
            other = new PolledSignals(jdbc, 100);
        }
        ((SmartLifecycle) other).start();
        for (String channel : List.of("test-a", "test-b", "test-c")) {
            other.subscribe(channel, () -> heardByOther.add(channel));
            signals.subscribe(channel, () -> heardHere.add(channel));
        }
        Thread.sleep(300); // let the second instance's listener or poller take its first look
    }

    @AfterEach
    void stopTheSecondInstance() {
        ((SmartLifecycle) other).stop();
    }

    @Test
    void aCommittedSignalReachesTheOtherInstanceButNotItsSender() {
        transactions.executeWithoutResult(status -> signals.signal("test-a"));
        await().atMost(PATIENCE).until(() -> heardByOther.contains("test-a"));
        other.signal("test-b");
        await().atMost(PATIENCE).until(() -> heardHere.contains("test-b"));
        assertThat(heardHere).doesNotContain("test-a");
        assertThat(heardByOther).doesNotContain("test-b");
    }

    @Test
    void aSignalWhoseTransactionRolledBackIsNeverHeard() {
        transactions.executeWithoutResult(status -> {
            signals.signal("test-c");
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> signals.signal("test-a"));
        // Signals arrive in commit order: once the later one is heard, the rolled-back one would have been too.
        await().atMost(PATIENCE).until(() -> heardByOther.contains("test-a"));
        assertThat(heardByOther).doesNotContain("test-c");
    }

    @Test
    void channelNamesAreChecked() {
        assertThatThrownBy(() -> signals.signal("Territory/../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signals.subscribe("", () -> { })).isInstanceOf(IllegalArgumentException.class);
    }
}
