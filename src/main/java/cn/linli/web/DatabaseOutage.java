package cn.linli.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells an exception that means "the database cannot be reached" (no connection within the pool's time-out, a
 * connection that broke, a server that is shutting down or still starting, a disk that is full or read-only) from one
 * about the request itself. Only the former is a 503: the client may retry the same request later and it will work.
 */
final class DatabaseOutage {

    /**
     * SQLSTATE class 08 is "connection exception" in the SQL standard; 57P01–57P03 are PostgreSQL's administrator
     * shutdown, crash shutdown and "cannot connect now" (the server is starting or in recovery).
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");
    /**
     * The database answers but cannot write: PostgreSQL's disk_full (53100) and read_only_sql_transaction (25006, a
     * standby promoted too late or a primary turned read-only); H2's "database is read only" (90097) and "database
     * closed" (90098, after a write to its files failed).
     */
    private static final Set<String> CANNOT_WRITE_STATES = Set.of("53100", "25006", "90097", "90098");
    /** HikariCP's message on every call to a connection it closed after a fatal error. */
    private static final String CLOSED_BY_POOL = "Connection is closed";

    private DatabaseOutage() {
    }

    /** Whether the exception or one of its causes says the database cannot be reached. */
    static boolean causedBy(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && unavailableState(sql.getSQLState())) {
                return true;
            }
            // A connection that broke mid-transaction also fails the rollback, whose exception then replaces the
            // first one ("application exception overridden by rollback exception"); the first says what happened.
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && causedBy(rollback.getApplicationException())) {
                return true;
            }
            // A commit or rollback that fails with no SQLSTATE at all: the connection is gone (the translator turns
            // every SQLSTATE it knows, a serialization failure say, into a more specific exception).
            if (cause instanceof TransactionSystemException failed && failed.getCause() instanceof SQLException sql
                    && sql.getSQLState() == null) {
                return true;
            }
            // The pool's answer on a connection it already closed because an earlier statement broke it (SQLSTATE 08):
            // the first exception may have been caught and the connection used again.
            if (cause instanceof SQLException sql && sql.getSQLState() == null && CLOSED_BY_POOL.equals(sql.getMessage())) {
                return true;
            }
        }
        return cannotWrite(thrown);
    }

    /** Whether the database cannot write (a full or read-only disk): a different message from "unreachable". */
    static boolean cannotWrite(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && CANNOT_WRITE_STATES.contains(sql.getSQLState())) {
                return true;
            }
            // the embedded database's own files: the operating system's words for a full or read-only disk
            if (cause instanceof IOException io && io.getMessage() != null
                    && (io.getMessage().contains("No space left") || io.getMessage().contains("Read-only file system"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
    }
}
