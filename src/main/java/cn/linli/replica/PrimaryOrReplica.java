package cn.linli.replica;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The data source of read-only transactions: the replica, unless the request must read its own writes, or the
 * replica cannot give a connection in time (down, or its pool exhausted); then the primary, which always has the
 * newest data, so such a read is only slower, never wrong.
 */
class PrimaryOrReplica extends AbstractDataSource {

    private static final Logger log = LoggerFactory.getLogger(PrimaryOrReplica.class);

    private final DataSource primary;
    private final DataSource replica;

    PrimaryOrReplica(DataSource primary, DataSource replica) {
        this.primary = primary;
        this.replica = replica;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (RecentWrite.primaryOnly()) return primary.getConnection();
        try {
            return replica.getConnection();
        } catch (SQLException unavailable) {
            log.warn("Replica unavailable, reading from the primary: {}", unavailable.getMessage());
            return primary.getConnection();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("the replica routing uses the pools' own credentials");
    }
}
