package cn.linli.access.internal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links audit records into one hash chain. A record written inside a transaction gets its place just before that
 * transaction commits, under a row lock on the chain head ({@code access_audit_chain}): the lock is held only for
 * the commit, so business transactions do not queue behind each other while they work, and two instances can never
 * give two records the same predecessor. A record of a rolled-back transaction never enters the chain.
 */
public class AuditChain {

    private static final int CHECK_BATCH = 2000;
    private static final String CONTENT = "select id, chain_position, occurred_at, actor, action, subject, detail";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ChainHash algorithm;

    public AuditChain(JdbcClient jdbc, PlatformTransactionManager transactionManager, ChainHash algorithm) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.algorithm = algorithm;
    }

    /**
     * Writes a record (the insert returns its id) and puts it into the chain: when the surrounding transaction
     * commits, or at once, in a transaction of its own, when there is none.
     */
    public void append(LongSupplier insert) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            transactions.executeWithoutResult(status -> linkNow(List.of(insert.getAsLong())));
            return;
        }
        long id = insert.getAsLong();
        pendingOfThisTransaction().add(id);
    }

    /** Links the records that were written before the chain existed (their ids up to the migration's mark), once. */
    public int linkRecordsFromBeforeTheChain() {
        Integer linked = transactions.execute(status -> {
            Head head = lockHead();
            List<Long> ids = jdbc.sql("select id from access_audit where chain_position is null and id <= :through order by id")
                    .param("through", head.legacyThrough()).query(Long.class).list();
            linkUnderLock(head, ids);
            return ids.size();
        });
        return linked == null ? 0 : linked;
    }

    /** Walks the whole chain from the anchor to the head and reports the first record that does not fit. */
    public ChainCheck check() {
        Head head = readHead();
        long expectedPosition = head.anchorPosition() + 1;
        String expectedPrevious = head.anchorHash();
        long checked = 0;
        while (true) {
            List<Linked> batch = jdbc.sql(CONTENT + ", previous_hash, record_hash from access_audit"
                            + " where chain_position >= :from order by chain_position limit :limit")
                    .param("from", expectedPosition).param("limit", CHECK_BATCH)
                    .query(AuditChain::linked).list();
            for (Linked row : batch) {
                if (row.content().position() > head.lastPosition()) {
                    return ChainCheck.broken(checked, row.content().id(), ChainCheck.Problem.BEYOND_HEAD);
                }
                if (row.content().position() != expectedPosition) {
                    return ChainCheck.broken(checked, row.content().id(), ChainCheck.Problem.MISSING_BEFORE);
                }
                if (!same(row.previousHash(), expectedPrevious)) {
                    return ChainCheck.broken(checked, row.content().id(), ChainCheck.Problem.WRONG_PREDECESSOR);
                }
                ChainHash used = ChainHash.of(row.recordHash()).orElse(null);
                if (used == null || !used.hash(row.content(), row.previousHash()).equals(row.recordHash())) {
                    return ChainCheck.broken(checked, row.content().id(), ChainCheck.Problem.CONTENT_CHANGED);
                }
                checked++;
                expectedPosition++;
                expectedPrevious = row.recordHash();
            }
            if (batch.size() < CHECK_BATCH) break;
        }
        if (expectedPosition - 1 != head.lastPosition() || !same(expectedPrevious, head.lastHash())) {
            return ChainCheck.broken(checked, null, ChainCheck.Problem.END_REMOVED);
        }
        // committed records outside the chain were written past Linli (records of open transactions are invisible here)
        Optional<Long> outside = jdbc.sql("select min(id) from access_audit where chain_position is null and id > :through")
                .param("through", head.legacyThrough()).query(Long.class).optional();
        if (outside.isPresent()) {
            return ChainCheck.broken(checked, outside.get(), ChainCheck.Problem.NOT_IN_CHAIN);
        }
        return ChainCheck.intact(checked);
    }

    /**
     * Deletes the records older than the cut-off from the start of the chain and keeps the last deleted record's
     * position and hash as the anchor the rest goes on from, so the chain stays checkable. Stops at the first record
     * that is not old enough, even if later ones are (another instance's clock may have been behind).
     *
     * @return how many records were deleted
     */
    public long purgeOlderThan(Instant cutOff) {
        Long purged = transactions.execute(status -> {
            Head head = lockHead();
            OffsetDateTime before = OffsetDateTime.ofInstant(cutOff, ZoneOffset.UTC);
            Optional<Long> firstKept = jdbc.sql("select min(chain_position) from access_audit"
                            + " where chain_position is not null and occurred_at >= :before")
                    .param("before", before).query(Long.class).optional();
            long lastPurged = firstKept.map(position -> position - 1).orElse(head.lastPosition());
            if (lastPurged <= head.anchorPosition()) return 0L;
            String anchorHash = jdbc.sql("select record_hash from access_audit where chain_position = :position")
                    .param("position", lastPurged).query(String.class).single();
            int deleted = jdbc.sql("delete from access_audit where chain_position <= :position")
                    .param("position", lastPurged).update();
            jdbc.sql("update access_audit_chain set anchor_position = :position, anchor_hash = :hash where id = 1")
                    .param("position", lastPurged).param("hash", anchorHash).update();
            return (long) deleted;
        });
        return purged == null ? 0 : purged;
    }

    private List<Long> pendingOfThisTransaction() {
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof LinkBeforeCommit pending && pending.chain == this) {
                return pending.ids;
            }
        }
        var pending = new LinkBeforeCommit(this);
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending.ids;
    }

    private void linkNow(List<Long> ids) {
        linkUnderLock(lockHead(), ids);
    }

    private void linkUnderLock(Head head, List<Long> ids) {
        long position = head.lastPosition();
        String previous = head.lastHash();
        for (long id : ids) {
            position++;
            ChainedRecord content = jdbc.sql(CONTENT + " from access_audit where id = :id").param("id", id)
                    .query(AuditChain::content).single();
            ChainedRecord placed = new ChainedRecord(id, position, content.occurredAtMicros(), content.actor(),
                    content.action(), content.subject(), content.detail());
            String hash = algorithm.hash(placed, previous);
            jdbc.sql("update access_audit set chain_position = :position, previous_hash = :previous, record_hash = :hash"
                            + " where id = :id")
                    .param("position", position).param("previous", previous).param("hash", hash).param("id", id).update();
            previous = hash;
        }
        jdbc.sql("update access_audit_chain set last_position = :position, last_hash = :hash where id = 1")
                .param("position", position).param("hash", previous).update();
    }

    private Head lockHead() {
        return jdbc.sql(HEAD + " for update").query(AuditChain::head).single();
    }

    private Head readHead() {
        return jdbc.sql(HEAD).query(AuditChain::head).single();
    }

    private static final String HEAD = "select last_position, last_hash, anchor_position, anchor_hash, legacy_through"
            + " from access_audit_chain where id = 1";

    private static Head head(ResultSet rs, int row) throws SQLException {
        return new Head(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5));
    }

    private static ChainedRecord content(ResultSet rs, int row) throws SQLException {
        Instant at = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
        return new ChainedRecord(rs.getLong("id"), rs.getLong("chain_position"),
                ChronoUnit.MICROS.between(Instant.EPOCH, at), rs.getString("actor"), rs.getString("action"),
                rs.getString("subject"), rs.getString("detail"));
    }

    private static Linked linked(ResultSet rs, int row) throws SQLException {
        return new Linked(content(rs, row), rs.getString("previous_hash"), rs.getString("record_hash"));
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private record Head(long lastPosition, String lastHash, long anchorPosition, String anchorHash, long legacyThrough) {
    }

    private record Linked(ChainedRecord content, String previousHash, String recordHash) {
    }

    /** The records one transaction wrote, linked just before it commits (in the order written). */
    private static final class LinkBeforeCommit implements TransactionSynchronization {

        private final AuditChain chain;
        private final List<Long> ids = new ArrayList<>();

        LinkBeforeCommit(AuditChain chain) {
            this.chain = chain;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!ids.isEmpty()) {
                chain.linkNow(ids);
            }
        }

        @Override
        public int getOrder() {
            // last of all, so the head is locked for as short a time as possible
            return LOWEST_PRECEDENCE;
        }
    }
}
