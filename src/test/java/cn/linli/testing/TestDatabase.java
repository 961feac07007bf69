package cn.linli.testing;

import java.sql.DriverManager;
import java.sql.SQLException;

import org.springframework.test.context.ActiveProfilesResolver;

/** Chooses the database profile for integration tests and tells whether that database can be reached. */
public final class TestDatabase implements ActiveProfilesResolver {

    public static String name() {
        return System.getProperty("linli.test.db", "h2");
    }

    public static boolean isPostgresql() {
        return "postgresql".equals(name());
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return new String[] {"test-" + name()};
    }

    public static String postgresqlUrl() {
        String url = System.getenv("LINLI_TEST_PG_URL");
        return url == null ? "jdbc:postgresql://127.0.0.1:5432/test" : url;
    }

    public static String postgresqlUser() {
        return System.getenv().getOrDefault("LINLI_TEST_PG_USER", "postgres");
    }

    public static String postgresqlPassword() {
        return System.getenv().getOrDefault("LINLI_TEST_PG_PASSWORD", "");
    }

    /** Returns null when PostgreSQL answers, else the reason it cannot be used. */
    static String postgresqlUnavailableReason() {
        try (var connection = DriverManager.getConnection(postgresqlUrl(), postgresqlUser(), postgresqlPassword())) {
            connection.createStatement().execute("create schema if not exists linli_it");
            return null;
        } catch (SQLException e) {
            return "PostgreSQL not reachable at " + postgresqlUrl() + " (" + e.getMessage() + ")";
        }
    }
}
