package cn.linli.registry.importing;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes many rows at once in the current transaction. On PostgreSQL through {@code COPY}, the fastest way in
 * (ids are taken from the table's identity sequence first, so the caller knows them); elsewhere (H2) through JDBC
 * batches with generated keys. Both end the same: the rows in the table, or an exception and nothing committed.
 */
@Component
public class BulkInsert {

    private final DataSource dataSource;
    private volatile Boolean postgresql;
    private final Map<String, String> sequences = new ConcurrentHashMap<>();

    BulkInsert(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts the rows and returns their generated ids, in order. */
    public List<Long> insertReturningIds(String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) return List.of();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (!postgresql(connection)) return batch(connection, table, columns, rows, true);
            List<Long> ids = reserveIds(connection, table, rows.size());
            List<String> withId = new ArrayList<>(columns.size() + 1);
            withId.add("id");
            withId.addAll(columns);
            List<Object[]> withIds = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Object[] row = new Object[columns.size() + 1];
                row[0] = ids.get(i);
                System.arraycopy(rows.get(i), 0, row, 1, columns.size());
                withIds.add(row);
            }
            copy(connection, table, withId, withIds);
            return ids;
        } catch (SQLException | IOException e) {
            throw new BulkInsertException(table, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    public void insert(String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) return;
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (postgresql(connection)) {
                copy(connection, table, columns, rows);
            } else {
                batch(connection, table, columns, rows, false);
            }
        } catch (SQLException | IOException e) {
            throw new BulkInsertException(table, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Refreshes the planner's statistics of the tables after many rows came in (PostgreSQL; H2 estimates without
     * them). Until autovacuum gets round to it, the planner believes a table of millions still holds its old few
     * thousand rows and picks plans that read whole indexes: a household's card took 190 ms instead of 1 ms after
     * a million residents were imported.
     */
    public void analyze(List<String> tables) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (var statement = connection.createStatement()) {
            if (postgresql(connection)) statement.execute("analyze " + String.join(", ", tables));
        } catch (SQLException e) {
            throw new BulkInsertException(String.join(", ", tables), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private boolean postgresql(Connection connection) throws SQLException {
        if (postgresql == null) postgresql = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        return postgresql;
    }

    /**
     * Takes the ids from the table's identity sequence. The sequence is looked up once: evaluated per row inside the
     * query, the lookup cost nine times as much as the ids themselves.
     */
    private List<Long> reserveIds(Connection connection, String table, int count) throws SQLException {
        String sequence = sequences.get(table);
        if (sequence == null) {
            try (PreparedStatement s = connection.prepareStatement("select pg_get_serial_sequence(?, 'id')")) {
                s.setString(1, table);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    sequence = rs.getString(1);
                }
            }
            sequences.put(table, sequence);
        }
        try (PreparedStatement s = connection.prepareStatement("select nextval(?::regclass) from generate_series(1, ?)")) {
            s.setString(1, sequence);
            s.setInt(2, count);
            List<Long> ids = new ArrayList<>(count);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) ids.add(rs.getLong(1));
            }
            return ids;
        }
    }

    private static void copy(Connection connection, String table, List<String> columns, List<Object[]> rows)
            throws SQLException, IOException {
        StringBuilder csv = new StringBuilder(rows.size() * 200);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) csv.append(',');
                append(csv, row[i]);
            }
            csv.append('\n');
        }
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "copy " + table + " (" + String.join(", ", columns) + ") from stdin (format csv)", new StringReader(csv.toString()));
    }

    /** CSV as COPY reads it: an unquoted empty field is NULL, every text is quoted. */
    private static void append(StringBuilder csv, Object value) {
        if (value == null) return;
        if (value instanceof String text) {
            csv.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else {
            csv.append(value);
        }
    }

    private static List<Long> batch(Connection connection, String table, List<String> columns, List<Object[]> rows,
            boolean keys) throws SQLException {
        String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        try (PreparedStatement s = keys ? connection.prepareStatement(sql, new String[] {"id"}) : connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) s.setObject(i + 1, row[i]);
                s.addBatch();
            }
            s.executeBatch();
            List<Long> ids = new ArrayList<>(keys ? rows.size() : 0);
            if (keys) {
                try (ResultSet rs = s.getGeneratedKeys()) {
                    while (rs.next()) ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    /** A bulk write the database refused (a unique key taken since validation, a lost connection). */
    static class BulkInsertException extends RuntimeException {

        BulkInsertException(String table, Exception cause) {
            super("writing to " + table + " failed: " + cause.getMessage(), cause);
        }

        /** True when the database refused a duplicate key (SQL state 23505). */
        boolean duplicateKey() {
            for (Throwable t = getCause(); t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) return true;
            }
            return false;
        }
    }
}
