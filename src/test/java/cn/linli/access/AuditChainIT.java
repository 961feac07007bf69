package cn.linli.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.access.internal.audit.AuditChain;
import cn.linli.access.internal.audit.ChainCheck;
import cn.linli.access.internal.audit.ChainHash;
import cn.linli.access.internal.audit.ChainCheck.Problem;
import cn.linli.testing.IntegrationTest;

/**
 * The audit log as a hash chain on the real database: concurrent writers never fork it, and a changed, deleted or
 * slipped-in record is found, with the first broken record named. Every test puts the table back the way it was.
 */
@IntegrationTest
class AuditChainIT {

    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactionManager;

    final String marker = "chain-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void chainIsWholeAgain() {
        assertThat(audit.verifyChain().intact()).as("the test restored the table").isTrue();
    }

    @Test
    void concurrentTransactionsGetOneUnbrokenChain() throws Exception {
        var transactions = new TransactionTemplate(transactionManager);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int writer = 0; writer < 4; writer++) {
            int w = writer;
            done.add(writers.submit((Callable<Void>) () -> {
                for (int i = 0; i < 15; i++) {
                    int n = i;
                    transactions.executeWithoutResult(status -> {
                        audit.recordAs("writer" + w, "TEST", marker, "n=" + n + " first");
                        audit.recordAs("writer" + w, "TEST", marker, "n=" + n + " second");
                    });
                }
                return null;
            }));
        }
        // a rolled-back transaction leaves no record and no gap
        try {
            transactions.executeWithoutResult(status -> {
                audit.recordAs("writer9", "TEST", marker, "rolled back");
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // the record goes with it
        }
        for (Future<?> f : done) f.get();
        writers.shutdown();

        List<Long> positions = jdbc.sql("select chain_position from access_audit where subject = :s order by chain_position")
                .param("s", marker).query(Long.class).list();
        assertThat(positions).hasSize(120).doesNotContainNull().doesNotHaveDuplicates();
        // the two records of one transaction sit side by side
        List<Map<String, Object>> firsts = jdbc.sql("select actor, detail, chain_position from access_audit"
                + " where subject = :s and detail like '% first'").param("s", marker).query().listOfRows();
        for (Map<String, Object> first : firsts) {
            long next = ((Number) first.get("chain_position")).longValue() + 1;
            assertThat(jdbc.sql("select detail from access_audit where chain_position = :p").param("p", next)
                    .query(String.class).single()).isEqualTo(((String) first.get("detail")).replace("first", "second"));
        }
        ChainCheck check = audit.verifyChain();
        assertThat(check.intact()).as(check.describe()).isTrue();
        assertThat(check.recordsChecked()).isGreaterThanOrEqualTo(120);
    }

    @Test
    void aChangedRecordIsFound() {
        long middle = threeRecords().get(1);
        String original = detailOf(middle);
        jdbc.sql("update access_audit set detail = 'reason=nothing to see' where id = :id").param("id", middle).update();

        ChainCheck check = audit.verifyChain();
        assertThat(check.intact()).isFalse();
        assertThat(check.firstBrokenId()).isEqualTo(middle);
        assertThat(check.problem()).isEqualTo(Problem.CONTENT_CHANGED);

        jdbc.sql("update access_audit set detail = :d where id = :id").param("d", original).param("id", middle).update();
    }

    @Test
    void aRecordWhoseHashWasRecomputedStillBreaksTheNextOne() {
        List<Long> ids = threeRecords();
        long middle = ids.get(1);
        String hash = jdbc.sql("select record_hash from access_audit where id = :id").param("id", middle).query(String.class).single();
        jdbc.sql("update access_audit set record_hash = :h where id = :id")
                .param("h", hash.substring(0, hash.length() - 1) + (hash.endsWith("0") ? "1" : "0")).param("id", middle).update();

        ChainCheck check = audit.verifyChain();
        assertThat(check.firstBrokenId()).isEqualTo(middle);

        jdbc.sql("update access_audit set record_hash = :h where id = :id").param("h", hash).param("id", middle).update();
    }

    @Test
    void aDeletedRecordIsFound() {
        List<Long> ids = threeRecords();
        Map<String, Object> row = jdbc.sql("select * from access_audit where id = :id").param("id", ids.get(1)).query().singleRow();
        jdbc.sql("delete from access_audit where id = :id").param("id", ids.get(1)).update();

        ChainCheck check = audit.verifyChain();
        assertThat(check.intact()).isFalse();
        assertThat(check.firstBrokenId()).isEqualTo(ids.get(2));
        assertThat(check.problem()).isEqualTo(Problem.MISSING_BEFORE);

        putBack(row);
    }

    @Test
    void theNewestRecordDeletedIsFound() {
        List<Long> ids = threeRecords();
        Map<String, Object> row = jdbc.sql("select * from access_audit where id = :id").param("id", ids.get(2)).query().singleRow();
        jdbc.sql("delete from access_audit where id = :id").param("id", ids.get(2)).update();

        ChainCheck check = audit.verifyChain();
        assertThat(check.intact()).isFalse();
        assertThat(check.problem()).isEqualTo(Problem.END_REMOVED);

        putBack(row);
    }

    @Test
    void anInsertedRecordIsFound() {
        threeRecords();
        jdbc.sql("""
                insert into access_audit (occurred_at, actor, action, subject, detail)
                values (current_timestamp, 'yongan', 'LOGIN_SUCCEEDED', :s, 'address=127.0.0.1')""").param("s", marker).update();
        long slipped = jdbc.sql("select max(id) from access_audit where subject = :s").param("s", marker).query(Long.class).single();

        ChainCheck check = audit.verifyChain();
        assertThat(check.intact()).isFalse();
        assertThat(check.firstBrokenId()).isEqualTo(slipped);
        assertThat(check.problem()).isEqualTo(Problem.NOT_IN_CHAIN);

        // the same record given a place after the head (far enough that records written meanwhile do not reach it)
        String last = jdbc.sql("select last_hash from access_audit_chain").query(String.class).single();
        jdbc.sql("update access_audit set chain_position = (select last_position + 1000000 from access_audit_chain),"
                + " previous_hash = :h, record_hash = :h where id = :id").param("h", last).param("id", slipped).update();
        check = audit.verifyChain();
        assertThat(check.firstBrokenId()).isEqualTo(slipped);
        assertThat(check.problem()).isEqualTo(Problem.BEYOND_HEAD);

        jdbc.sql("delete from access_audit where id = :id").param("id", slipped).update();
    }

    @Test
    void anInstallationThatSwitchesToTheNationalSuiteGoesOnWithOneCheckableChain() {
        threeRecords();
        // what LINLI_PROTECTION_ALGORITHM=SM4-GCM gives the chain after a restart
        var sm3 = new AuditChain(jdbc, transactionManager, ChainHash.forProtectionAlgorithm("SM4-GCM"));
        sm3.append(() -> insertRecord("rows=1"));
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> sm3.append(() -> insertRecord("rows=2")));

        List<Map<String, Object>> rows = jdbc.sql("select id, record_hash from access_audit where subject = :s order by chain_position")
                .param("s", marker).query().listOfRows();
        assertThat(rows).extracting(row -> ((String) row.get("record_hash")).replaceAll(":.*", ""))
                .containsExactly("SHA-256", "SHA-256", "SHA-256", "SM3", "SM3");
        ChainCheck check = audit.verifyChain();
        assertThat(check.intact()).as(check.describe()).isTrue();

        long changed = ((Number) rows.get(3).get("id")).longValue();
        jdbc.sql("update access_audit set detail = 'rows=0' where id = :id").param("id", changed).update();
        check = audit.verifyChain();
        assertThat(check.firstBrokenId()).isEqualTo(changed);
        assertThat(check.problem()).isEqualTo(Problem.CONTENT_CHANGED);
        jdbc.sql("update access_audit set detail = 'rows=1' where id = :id").param("id", changed).update();
    }

    private long insertRecord(String detail) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("insert into access_audit (occurred_at, actor, action, subject, detail) values (:at, 'admin', :action, :s, :d)")
                .param("at", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS))
                .param("action", AuditActions.AUDIT_EXPORTED).param("s", marker).param("d", detail).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Three records of this test, outside any transaction (each linked at once), oldest first. */
    private List<Long> threeRecords() {
        audit.recordAs("yongan", AuditActions.UNMASKED, marker, "field=ID_NUMBER; reason=核实身份");
        audit.recordAs("qianjin", AuditActions.SENSITIVE_READ, marker, "category=HEALTH; purpose=救助");
        audit.recordAs("admin", AuditActions.AUDIT_EXPORTED, marker, "rows=3");
        return jdbc.sql("select id from access_audit where subject = :s order by chain_position").param("s", marker)
                .query(Long.class).list();
    }

    private String detailOf(long id) {
        return jdbc.sql("select detail from access_audit where id = :id").param("id", id).query(String.class).single();
    }

    private void putBack(Map<String, Object> row) {
        jdbc.sql("""
                insert into access_audit (id, occurred_at, actor, action, subject, detail, chain_position, previous_hash, record_hash)
                values (:id, :occurred_at, :actor, :action, :subject, :detail, :chain_position, :previous_hash, :record_hash)""")
                .params(row).update();
    }
}
