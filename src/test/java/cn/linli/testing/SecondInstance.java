package cn.linli.testing;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import cn.linli.LinliApplication;

/**
 * A second Linli instance in the same JVM on the same database as a test's application context: its own web server,
 * beans, caches, scheduler and cluster-signal listener, as a second server would have. It neither cleans nor
 * re-creates the schema (the first context did), and it leaves out the test sources' configurations, which only
 * the test framework's own exclusion keeps out of the first.
 */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts an instance sharing {@code first}'s database (the H2 in-memory database or the PostgreSQL schema). */
    public static SecondInstance sharingDatabaseWith(Environment first) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", first.getRequiredProperty("spring.datasource.url"));
        for (String key : new String[] {"spring.flyway.schemas", "spring.flyway.default-schema"}) {
            if (first.containsProperty(key)) properties.put(key, first.getProperty(key));
        }
        properties.put("server.port", "0");
        properties.put("linli.test.clean-database", "false");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LinliApplication.class)
                .profiles("test-" + TestDatabase.name())
                .initializers(c -> {
                    // ahead of application.yml, as IsolatedDatabase puts the first context's
                    c.getEnvironment().getPropertySources().addFirst(new MapPropertySource("second-instance", properties));
                    c.getBeanFactory().registerSingleton("leaveOutTestSources", new LeaveOutTestSources());
                })
                .run();
        return new SecondInstance(context);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    /** Classes compiled from src/test are no part of a production instance. */
    static final class LeaveOutTestSources extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURL().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof LeaveOutTestSources;
        }

        @Override
        public int hashCode() {
            return LeaveOutTestSources.class.hashCode();
        }
    }
}
