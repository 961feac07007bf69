package cn.linli.access.internal.crypto;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.access.AuditLog;
import cn.linli.access.ProtectedColumn;
import cn.linli.access.ProtectedValue;

/**
 * Re-encrypts every protected value made with an older key version or another algorithm than new values get, column
 * by column ({@link ProtectedColumn} beans of the owning modules), in batches of one transaction each, so it may run
 * while Linli serves (every instance reads old and new keys alike). A row changed meanwhile is left alone (the update
 * requires the value it read) and taken by the next run. Blind indexes are not touched: they follow
 * {@code blind-index-version}, not the current key. Each column's count goes to the audit log.
 */
@Component
public class ReEncryption {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ReEncryption.class);

    private final Protector protector;
    private final List<ProtectedColumn> columns;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditLog audit;

    ReEncryption(Protector protector, List<ProtectedColumn> columns, JdbcClient jdbc, TransactionTemplate transactions,
            AuditLog audit) {
        this.protector = protector;
        this.columns = columns;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** Values re-encrypted, by {@code table.column}. */
    public Map<String, Integer> run() {
        Map<String, Integer> done = new LinkedHashMap<>();
        for (ProtectedColumn column : columns) {
            int count = column(column);
            done.put(column.table() + "." + column.column(), count);
            log.info("Re-encrypted {} values of {}.{} with key version {}", count, column.table(), column.column(),
                    protector.currentVersion());
            audit.recordAs(AuditLog.SYSTEM, "PERSONAL_DATA_REENCRYPTED", column.table() + "." + column.column(),
                    "values=" + count + "; keyVersion=" + protector.currentVersion());
        }
        return done;
    }

    private int column(ProtectedColumn column) {
        int count = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            List<Map.Entry<Long, String>> rows = batch(column, after);
            if (rows.isEmpty()) return count;
            after = rows.get(rows.size() - 1).getKey();
            Integer changed = transactions.execute(status -> rotate(column, rows));
            count += changed == null ? 0 : changed;
        }
    }

    private List<Map.Entry<Long, String>> batch(ProtectedColumn column, long after) {
        return jdbc.sql("select id, " + column.column() + " from " + column.table() + " where id > :after and "
                + column.column() + " is not null order by id fetch first " + BATCH + " rows only")
                .param("after", after)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
    }

    private int rotate(ProtectedColumn column, List<Map.Entry<Long, String>> rows) {
        int changed = 0;
        for (Map.Entry<Long, String> row : rows) {
            // the blind index is neither needed to decrypt nor rewritten (some columns have none): a stand-in
            ProtectedValue old = ProtectedValue.ofStoredText(row.getValue(), "unused");
            if (!protector.needsRotation(old)) continue;
            String renewed = protector.protect(column.field(), protector.reveal(column.field(), old)).storedText();
            changed += jdbc.sql("update " + column.table() + " set " + column.column() + " = :renewed where id = :id and "
                    + column.column() + " = :old")
                    .param("renewed", renewed).param("id", row.getKey()).param("old", row.getValue()).update();
        }
        return changed;
    }
}
