package cn.linli.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.linli.cluster.ClusterSignals;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.OtherInstance;

/**
 * When another instance on the same database changes the territory, this one reloads it: here the other instance's
 * committed change is written with SQL and its signal sent with a foreign instance id.
 */
@IntegrationTest
class ClusterRefreshIT {

    @Autowired TerritoryQueries territory;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired ClusterSignals signals;

    @Test
    void aChangeCommittedByAnotherInstanceIsSeenHereAfterItsSignal() {
        long unit = territory.tree(null).findByCode("230804007002").orElseThrow().id();
        String before = territory.tree(null).find(unit).orElseThrow().name();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("update territory_unit_version set name = :name where unit_id = :unit and valid_to is null")
                    .param("name", before + "（他处修改）").param("unit", unit).update();
            signalAsAnotherInstance();
        });
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(territory.tree(null).find(unit).orElseThrow().name()).isEqualTo(before + "（他处修改）"));
        transactions.executeWithoutResult(status -> {
            jdbc.sql("update territory_unit_version set name = :name where unit_id = :unit and valid_to is null")
                    .param("name", before).param("unit", unit).update();
            signalAsAnotherInstance();
        });
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(territory.tree(null).find(unit).orElseThrow().name()).isEqualTo(before));
    }

    private void signalAsAnotherInstance() {
        OtherInstance.signal(jdbc, signals, "territory");
    }
}
