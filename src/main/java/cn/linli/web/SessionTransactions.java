package cn.linli.web;

import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions of the shared session store: each write in a transaction of its own, as Spring Session does by
 * default, but the read of one session, which every request makes, without one. That read is a single query (the
 * session joined with its attributes) and sees one consistent state on its own; in a transaction it cost a second
 * round trip to the database, the commit, on every request.
 */
final class SessionTransactions implements TransactionOperations {

    private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

    private final ObjectProvider<PlatformTransactionManager> transactionManager;
    private volatile TransactionTemplate writes;

    SessionTransactions(ObjectProvider<PlatformTransactionManager> transactionManager) {
        this.transactionManager = transactionManager;
    }

    /** Runs a read of one session: the store's transaction callbacks inside it run without a transaction. */
    static <T> T reading(Supplier<T> read) {
        READING.set(Boolean.TRUE);
        try {
            return read.get();
        } finally {
            READING.remove();
        }
    }

    @Override
    public <T> T execute(TransactionCallback<T> action) {
        // an expired session found by the read is deleted in it: one statement, atomic without a transaction too
        if (READING.get() != null) return TransactionOperations.withoutTransaction().execute(action);
        return writes().execute(action);
    }

    private TransactionTemplate writes() {
        TransactionTemplate template = writes;
        if (template == null) {
            template = new TransactionTemplate(transactionManager.getObject());
            template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            writes = template;
        }
        return template;
    }
}
