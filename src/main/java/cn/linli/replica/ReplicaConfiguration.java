package cn.linli.replica;

import java.time.Clock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Only with a replica configured: the application's data source becomes a lazy proxy over the primary pool that
 * takes read-only transactions to {@link PrimaryOrReplica}. The proxy fetches a real connection at the first
 * statement, when Spring knows whether the transaction is read-only. Both pools are beans (not candidates for
 * injection by type), so Actuator shows the health and the Hikari metrics of each, by pool name.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("linli.datasource.replica.url")
@EnableConfigurationProperties(ReplicaSettings.class)
class ReplicaConfiguration {

    static final String PRIMARY_POOL = "linli-primary";
    static final String REPLICA_POOL = "linli-replica";

    /** Built the way Boot builds its own pool, so every {@code spring.datasource.hikari.*} setting still applies. */
    @Bean(defaultCandidate = false)
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource primaryPool(DataSourceProperties properties) {
        HikariDataSource pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName(PRIMARY_POOL);
        return pool;
    }

    @Bean(defaultCandidate = false)
    HikariDataSource replicaPool(ReplicaSettings settings, DataSourceProperties primary) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName(REPLICA_POOL);
        pool.setJdbcUrl(settings.url());
        pool.setUsername(blank(settings.username()) ? primary.determineUsername() : settings.username());
        pool.setPassword(blank(settings.password()) ? primary.determinePassword() : settings.password());
        pool.setMaximumPoolSize(settings.maximumPoolSize());
        pool.setConnectionTimeout(settings.connectionTimeout().toMillis());
        pool.setReadOnly(true);
        // Start without a connection, so an instance starts (and reads from the primary) while the replica is down.
        pool.setInitializationFailTimeout(-1);
        return pool;
    }

    @Bean
    @Primary
    DataSource dataSource(ReplicaSettings settings, @Qualifier("primaryPool") HikariDataSource primaryPool,
            @Qualifier("replicaPool") HikariDataSource replicaPool) {
        LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy(primaryPool);
        proxy.setReadOnlyDataSource(new PrimaryOrReplica(primaryPool, replicaPool, settings.retryAfter()));
        return proxy;
    }

    @Bean
    FilterRegistrationBean<RecentWriteFilter> recentWriteFilter(ReplicaSettings settings) {
        var registration = new FilterRegistrationBean<>(new RecentWriteFilter(settings.primaryAfterWrite(), Clock.systemUTC()));
        // Before Spring Security's chain, whose own reads are not read-only transactions anyway.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
