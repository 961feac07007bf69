package cn.linli.testing;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Empties the PostgreSQL test schema once per test context, so every run starts from the migrations. Only active
 * with the PostgreSQL test profile ({@code linli.test.clean-database}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("linli.test.clean-database")
public class PostgresqlTestSchema {

    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }
}
