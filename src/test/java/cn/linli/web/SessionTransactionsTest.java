package cn.linli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

class SessionTransactionsTest {

    private final DataSourceTransactionManager manager = manager();
    private final SessionTransactions transactions = new SessionTransactions(
            new StaticListableBeanFactory(Map.of("transactionManager", manager)).getBeanProvider(PlatformTransactionManager.class));

    private static DataSourceTransactionManager manager() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:session-transactions");
        return new DataSourceTransactionManager(h2);
    }

    @Test
    void aWriteRunsInATransactionOfItsOwnEvenInsideAnother() {
        Boolean inTransaction = transactions.execute(status -> TransactionSynchronizationManager.isActualTransactionActive());
        assertThat(inTransaction).isTrue();
        boolean newOne = new TransactionTemplate(manager).execute(outer -> transactions.execute(status -> status.isNewTransaction()));
        assertThat(newOne).isTrue();
    }

    @Test
    void theReadOfASessionRunsWithoutOneAndOnlyWhileItRuns() {
        boolean inTransaction = SessionTransactions.reading(
                () -> transactions.execute(status -> TransactionSynchronizationManager.isActualTransactionActive()));
        assertThat(inTransaction).isFalse();
        Boolean afterwards = transactions.execute(status -> TransactionSynchronizationManager.isActualTransactionActive());
        assertThat(afterwards).isTrue();
    }
}
