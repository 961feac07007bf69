package cn.linli.cluster.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.linli.cluster.ClusterSignals;

/** PostgreSQL gets {@code LISTEN/NOTIFY}; any other database (the embedded H2) the polled counters. */
@Configuration(proxyBeanMethods = false)
class ClusterSignalsConfiguration {

    @Bean
    ClusterSignals clusterSignals(DataSource dataSource, JdbcClient jdbc, DataSourceProperties properties,
            @Value("${linli.cluster.poll-interval:1s}") java.time.Duration pollInterval) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                var settings = new PostgresqlNotifications.ListenerConnection(properties.determineUrl(),
                        properties.determineUsername(), properties.determinePassword());
                return new PostgresqlNotifications(jdbc, settings, connection.getSchema());
            }
        }
        return new PolledSignals(jdbc, pollInterval.toMillis());
    }
}
