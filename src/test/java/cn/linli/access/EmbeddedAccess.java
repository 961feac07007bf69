package cn.linli.access;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.transaction.support.TransactionOperations;

import cn.linli.access.internal.PasswordSettings;
import cn.linli.access.internal.UserAccounts;
import cn.linli.access.internal.audit.AuditChain;
import cn.linli.access.internal.audit.ChainHash;

/**
 * The access module's services on a fresh, migrated in-memory H2 database of their own, without Spring: for tests
 * of start-up components that must see an empty database.
 */
public final class EmbeddedAccess {

    public final JdbcClient jdbc;
    public final AccessManagement management;
    public final AuditLog audit;
    public final AuditChain chain;

    private EmbeddedAccess(DataSource dataSource) {
        jdbc = JdbcClient.create(dataSource);
        chain = new AuditChain(jdbc, new DataSourceTransactionManager(dataSource), ChainHash.SHA_256);
        audit = new AuditLog(jdbc, new CurrentActor(), chain);
        management = new AccessManagement(new UserAccounts(jdbc), PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                audit, TransactionOperations.withoutTransaction(), new CurrentActor(),
                PasswordSettings.defaults());
    }

    public static EmbeddedAccess start() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:access-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        return new EmbeddedAccess(dataSource);
    }

    public UserAccounts accounts() {
        return new UserAccounts(jdbc);
    }
}
