package cn.linli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.Set;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Says in one paragraph why Linli did not start when the embedded (H2) database cannot write its files: a read-only
 * or full disk under the data directory. Without it the reason sits at the bottom of a chain of a dozen bean-creation
 * exceptions. The database's files stay usable: once there is space (or write access) again, Linli starts on them
 * (EmbeddedDataDirectoryIT).
 */
public class EmbeddedDatabaseFailureAnalyzer implements FailureAnalyzer {

    /**
     * H2's error codes for "error opening database" (its lock file), "IO exception", "log file error", "the database
     * is read only" and "the database has been closed" (after a write failed).
     */
    private static final Set<Integer> H2_FILE_ERRORS = Set.of(8000, 90028, 90031, 90034, 90097, 90098);

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        if (!h2FileError(failure)) return null;
        IOException io = deepestIo(failure);
        String reason = io == null ? rootMessage(failure)
                : io instanceof FileSystemException fs && fs.getFile() != null
                        ? fs.getFile() + ": " + (fs.getReason() != null ? fs.getReason() : io.getClass().getSimpleName())
                        : io.getMessage();
        return new FailureAnalysis(
                "The embedded database cannot write its files (" + reason + ").",
                "Make the data directory writable and give it free space (the default is ./data, set by the "
                        + "spring.datasource.url in LINLI_DB_URL), then start Linli again; or run it on PostgreSQL "
                        + "(LINLI_DB_URL=jdbc:postgresql://...). See docs/operations.md, \"Faults and what Linli does\".",
                failure);
    }

    private static boolean h2FileError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && cause.getClass().getName().startsWith("org.h2.")
                    && H2_FILE_ERRORS.contains(sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    private static IOException deepestIo(Throwable failure) {
        IOException found = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException io) found = io;
        }
        return found;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage();
    }
}
