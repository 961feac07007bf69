package cn.linli.access.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.linli.access.EmbeddedAccess;

/**
 * Retention of the audit log on a fresh embedded database of its own (a purge of the shared test database would
 * delete other tests' records): the minimum of 180 days, and a purge that leaves the chain checkable.
 */
class AuditRetentionTest {

    @Test
    void lessThanSixMonthsIsRefused() {
        assertThatThrownBy(() -> new AuditSettings(Duration.ofDays(179), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 180 days");
        assertThat(new AuditSettings(Duration.ofDays(365), true).retention()).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void aPurgeKeepsTheRestOfTheChainCheckableAndDamageAfterItIsStillFound() {
        EmbeddedAccess access = EmbeddedAccess.start();
        JdbcClient jdbc = access.jdbc;
        for (int i = 0; i < 6; i++) {
            access.audit.recordAs("yongan", "TEST", "record " + i, null);
        }
        AuditChain chain = access.chain;
        assertThat(chain.check().intact()).isTrue();
        // the first four records are old: the purge takes them, the anchor keeps their last hash
        String fourthHash = jdbc.sql("select record_hash from access_audit where chain_position = 4").query(String.class).single();
        Instant cutOff = jdbc.sql("select occurred_at from access_audit where chain_position = 5")
                .query(OffsetDateTime.class).single().toInstant();
        assertThat(chain.purgeOlderThan(cutOff)).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from access_audit").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select anchor_hash from access_audit_chain").query(String.class).single()).isEqualTo(fourthHash);

        ChainCheck check = chain.check();
        assertThat(check.intact()).as(check.describe()).isTrue();
        assertThat(check.recordsChecked()).isEqualTo(2);

        jdbc.sql("update access_audit set subject = 'record x' where chain_position = 5").update();
        assertThat(chain.check().problem()).isEqualTo(ChainCheck.Problem.CONTENT_CHANGED);
        // nothing older than the cut-off is left to purge
        jdbc.sql("update access_audit set subject = 'record 4' where chain_position = 5").update();
        assertThat(chain.purgeOlderThan(cutOff)).isZero();
        assertThat(chain.check().intact()).isTrue();
    }
}
