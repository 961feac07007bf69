package cn.linli.testing;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every test application context a database of its own (an H2 in-memory database, or a PostgreSQL schema
 * that is emptied first), so a context started with other settings never changes the data under a cached one.
 */
public final class IsolatedDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        int n = CONTEXTS.incrementAndGet();
        Map<String, Object> properties;
        if (TestDatabase.isPostgresql()) {
            String schema = "linli_it_" + n;
            properties = Map.of(
                    "spring.datasource.url", TestDatabase.postgresqlUrl() + "?currentSchema=" + schema,
                    "spring.flyway.schemas", schema,
                    "spring.flyway.default-schema", schema);
        } else {
            properties = Map.of("spring.datasource.url",
                    "jdbc:h2:mem:linli_" + n + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("isolated-test-database", properties));
    }
}
