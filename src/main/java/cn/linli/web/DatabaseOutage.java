package cn.linli.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells an exception that means "the database cannot be reached" (no connection within the pool's time-out, a
 * connection that broke, a server that is shutting down or still starting) from one about the request itself. Only
 * the former is a 503: the client may retry the same request later and it will work.
 */
final class DatabaseOutage {

    /**
     * SQLSTATE class 08 is "connection exception" in the SQL standard; 57P01–57P03 are PostgreSQL's administrator
     * shutdown, crash shutdown and "cannot connect now" (the server is starting or in recovery); 90097 is H2's
     * "the database is read only" (a full or read-only disk under the embedded database).
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "90097");

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
        }
        return false;
    }

    /** Whether the database is read-only (H2 on a full or read-only disk): a different message from "unreachable". */
    static boolean readOnly(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && "90097".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
    }
}
