package cn.linli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.ServletException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseOutageTest {

    @Test
    void noConnectionFromThePoolABrokenConnectionAndAServerShuttingDownAreOutages() {
        var poolTimeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms");
        assertThat(DatabaseOutage.causedBy(new ServletException("Request processing failed",
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction", poolTimeout)))).isTrue();
        assertThat(DatabaseOutage.causedBy(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", poolTimeout))).isTrue();
        assertThat(DatabaseOutage.causedBy(new RuntimeException(new SQLException("An I/O error occurred while sending to the backend.", "08006"))))
                .isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        var rollbackFailed = new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException("insert failed",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertThat(DatabaseOutage.causedBy(new ServletException("Request processing failed", rollbackFailed))).isTrue();
        // a commit on a connection the pool closed after an earlier statement broke it, that exception swallowed
        assertThat(DatabaseOutage.causedBy(new ServletException(new org.springframework.transaction.TransactionSystemException(
                "JDBC commit failed", new SQLException("Connection is closed"))))).isTrue();
        assertThat(DatabaseOutage.causedBy(new org.springframework.jdbc.UncategorizedSQLException("insert", "insert into x",
                new SQLException("Connection is closed")))).isTrue();
        assertThat(DatabaseOutage.cannotWrite(new SQLException("The database is read only", "90097"))).isTrue();
        assertThat(DatabaseOutage.cannotWrite(new SQLException("could not extend file: No space left on device", "53100"))).isTrue();
        assertThat(DatabaseOutage.causedBy(new RuntimeException(new java.io.IOException("No space left on device")))).isTrue();
    }

    @Test
    void aRequestThatBreaksARuleIsNoOutage() {
        assertThat(DatabaseOutage.causedBy(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("no such case"))).isFalse();
        // a driver's exception without SQLSTATE (seen when a connection reset in the middle of an insert)
        assertThat(DatabaseOutage.causedBy(new SQLException("no state"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new java.io.IOException("Broken pipe"))).isFalse();
        // a commit refused for a reason the database named is about the request (here: a serialization failure)
        assertThat(DatabaseOutage.causedBy(new org.springframework.transaction.TransactionSystemException("JDBC commit failed",
                new SQLException("could not serialize access", "40001")))).isFalse();
        assertThat(DatabaseOutage.cannotWrite(new SQLException("Connection refused", "08001"))).isFalse();
    }
}
