package cn.linli.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

import cn.linli.testing.ClusterTest;
import cn.linli.testing.TcpProxy;
import cn.linli.testing.TestDatabase;

/**
 * The replica goes away and comes back: reads fall back to the primary without an error, only the first read of a
 * retry period waits for the replica pool's time-out, and once the replica answers again reads return to it. The
 * replica is the test database reached through a TCP proxy of the test's own, which the test cuts; each pool names
 * itself to the server, so the server says which pool a connection came from.
 */
@ClusterTest
class ReplicaFallbackIT {

    @Test
    void readsUseThePrimaryWhileTheReplicaIsDownAndTheReplicaOnceItIsBack() throws Exception {
        URI database = URI.create(TestDatabase.postgresqlUrl().substring("jdbc:".length()));
        try (TcpProxy proxy = TcpProxy.start(0, database.getHost(), database.getPort());
                HikariDataSource primary = pool(TestDatabase.postgresqlUrl(), "linli-primary-it");
                HikariDataSource replica = pool("jdbc:postgresql://" + proxy.address() + database.getPath(), "linli-replica-it")) {
            PrimaryOrReplica reads = new PrimaryOrReplica(primary, replica, Duration.ofSeconds(3));
            assertThat(servedBy(reads)).isEqualTo("linli-replica-it");

            proxy.cut();
            Thread.sleep(600); // past Hikari's window in which a recently used connection is handed out unchecked
            long start = System.nanoTime();
            assertThat(servedBy(reads)).as("the first read after the cut").isEqualTo("linli-primary-it");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            start = System.nanoTime();
            for (int i = 0; i < 20; i++) assertThat(servedBy(reads)).isEqualTo("linli-primary-it");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("later reads do not wait for the replica")
                    .isLessThan(Duration.ofMillis(500));

            proxy.restore();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "linli-replica-it".equals(servedBy(reads)));
        }
    }

    private static HikariDataSource pool(String url, String name) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + name);
        pool.setUsername(TestDatabase.postgresqlUser());
        pool.setPassword(TestDatabase.postgresqlPassword());
        pool.setMaximumPoolSize(2);
        pool.setConnectionTimeout(500);
        pool.setInitializationFailTimeout(-1);
        return pool;
    }

    private static String servedBy(DataSource reads) throws SQLException {
        try (Connection connection = reads.getConnection(); var rs = connection.createStatement()
                .executeQuery("select current_setting('application_name')")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
