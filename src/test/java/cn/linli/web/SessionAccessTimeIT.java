package cn.linli.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;

import cn.linli.territory.internal.demo.DemoLogins;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.StaffSession;

/**
 * A signed-in user's requests do not each rewrite the shared session row: its access time moves only when the stored
 * one is a minute old, and the session stays valid throughout.
 */
@IntegrationTest
class SessionAccessTimeIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired SessionRepository<?> sessions;

    @Test
    void theStoreReadsASessionWithoutATransaction() {
        Object store = ReflectionTestUtils.getField(sessions, "store");
        assertThat(store).isInstanceOf(JdbcIndexedSessionRepository.class);
        assertThat(ReflectionTestUtils.getField(store, "transactionOperations")).isInstanceOf(SessionTransactions.class);
    }

    @Test
    void theStoredAccessTimeMovesInStepsOfAMinute() throws Exception {
        StaffSession staff = StaffSession.signIn("http://127.0.0.1:" + port, "yongan", DemoLogins.PASSWORD);
        String row = jdbc.sql("select primary_id from cluster_session where principal_name = 'yongan' order by creation_time desc limit 1")
                .query(String.class).single();
        long signedInAt = lastAccess(row);

        assertThat(staff.get("/casework/board", "text/html").statusCode()).isEqualTo(200);
        assertThat(staff.get("/api/casework/categories", "application/json").statusCode()).isEqualTo(200);
        assertThat(lastAccess(row)).as("requests within the minute write nothing").isEqualTo(signedInAt);

        long twoMinutesEarlier = signedInAt - 120_000;
        jdbc.sql("update cluster_session set last_access_time = ?, expiry_time = ? + cast(max_inactive_interval as bigint) * 1000 where primary_id = ?")
                .params(twoMinutesEarlier, twoMinutesEarlier, row).update();
        assertThat(staff.get("/casework/board", "text/html").statusCode()).isEqualTo(200);
        assertThat(lastAccess(row)).as("a request after the step stores its time").isGreaterThanOrEqualTo(signedInAt);
        assertThat(jdbc.sql("select expiry_time - last_access_time from cluster_session where primary_id = ?").param(row)
                .query(Long.class).single()).isEqualTo(8 * 3600 * 1000L);
    }

    private long lastAccess(String row) {
        return jdbc.sql("select last_access_time from cluster_session where primary_id = ?").param(row).query(Long.class).single();
    }
}
