package cn.linli.replica;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The data source of read-only transactions: the replica, unless the request must read its own writes, or the
 * replica cannot give a connection in time (down, or its pool exhausted); then the primary, which always has the
 * newest data, so such a read is only slower, never wrong. After a failure the replica is left alone for
 * {@code retryAfter}: while it is down, only one read per period waits the replica pool's connection timeout, not
 * every read.
 */
class PrimaryOrReplica extends AbstractDataSource {

    private static final Logger log = LoggerFactory.getLogger(PrimaryOrReplica.class);

    private final DataSource primary;
    private final DataSource replica;
    private final long retryAfterNanos;
    /** {@link System#nanoTime()} before which reads go to the primary; 0 while the replica answers. */
    private volatile long replicaAvoidedUntil;

    PrimaryOrReplica(DataSource primary, DataSource replica, Duration retryAfter) {
        this.primary = primary;
        this.replica = replica;
        this.retryAfterNanos = retryAfter.toNanos();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (RecentWrite.primaryOnly()) return primary.getConnection();
        long avoidedUntil = replicaAvoidedUntil;
        if (avoidedUntil != 0 && System.nanoTime() - avoidedUntil < 0) return primary.getConnection();
        try {
            Connection connection = replica.getConnection();
            if (avoidedUntil != 0) {
                replicaAvoidedUntil = 0;
                log.info("Replica answers again; read-only transactions use it");
            }
            return connection;
        } catch (SQLException unavailable) {
            replicaAvoidedUntil = System.nanoTime() + retryAfterNanos;
            log.warn("Replica unavailable, reading from the primary for {} s: {}", retryAfterNanos / 1_000_000_000,
                    unavailable.getMessage());
            return primary.getConnection();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("the replica routing uses the pools' own credentials");
    }
}
