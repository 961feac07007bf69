package cn.linli.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import cn.linli.access.internal.UserAccounts;
import cn.linli.testing.IntegrationTest;
import cn.linli.testing.SignedIn;
import cn.linli.testing.TestDatabase;

/**
 * Read routing with a replica configured. A second pool on the same database stands in for the replica; its URL
 * differs from the primary's (on PostgreSQL by {@code ApplicationName}, which the server reports back; on H2 by a
 * session variable its connections set), so a probe can tell which pool answered a read-only transaction.
 */
@IntegrationTest
@Import(ReplicaRoutingIT.Probe.class)
class ReplicaRoutingIT {

    static final String REPLICA_NAME = "linli-replica-it";

    @DynamicPropertySource
    static void replica(DynamicPropertyRegistry registry) {
        // H2 has no application name; a session variable set by the replica's connections plays its part
        String marker = TestDatabase.isPostgresql() ? "&ApplicationName=" + REPLICA_NAME
                : ";INIT=SET @LINLI_POOL='" + REPLICA_NAME + "'";
        registry.add("linli.datasource.replica.url", () -> "${spring.datasource.url}" + marker);
    }

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired MeterRegistry meters;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aReadOnlyRequestIsAnsweredByTheReplica() throws Exception {
        assertThat(probe(get("/replica-probe"), null)).isEqualTo("replica");
    }

    @Test
    void aWritingRequestReadsFromThePrimaryEvenInAReadOnlyTransaction() throws Exception {
        assertThat(probe(post("/replica-probe").with(csrf()), null)).isEqualTo("primary");
    }

    @Test
    void theClientThatJustWroteReadsItsOwnWriteFromThePrimary() throws Exception {
        Cookie wrote = mvc.perform(post("/replica-probe").with(csrf()).with(SignedIn.as(accounts, "admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getCookie(RecentWriteFilter.COOKIE);
        assertThat(wrote).isNotNull();
        assertThat(wrote.getMaxAge()).isEqualTo(10);
        assertThat(wrote.isHttpOnly()).isTrue();
        assertThat(probe(get("/replica-probe"), wrote)).isEqualTo("primary");
    }

    @Test
    void aCookieWhoseTimeIsUpNoLongerKeepsTheClientOnThePrimary() throws Exception {
        Cookie stale = new Cookie(RecentWriteFilter.COOKIE, Long.toString(System.currentTimeMillis() - 1000));
        assertThat(probe(get("/replica-probe"), stale)).isEqualTo("replica");
        assertThat(probe(get("/replica-probe"), new Cookie(RecentWriteFilter.COOKIE, "forever"))).isEqualTo("replica");
    }

    @Test
    void readWriteTransactionsAndPlainStatementsUseThePrimary() {
        String inTransaction = new TransactionTemplate(transactions).execute(status -> poolOf(dataSource));
        assertThat(inTransaction).isEqualTo("primary");
        assertThat(poolOf(dataSource)).isEqualTo("primary");
    }

    @Test
    void anOpen311ReadIsServedByTheReplicaPoolAsActuatorShowsIt() throws Exception {
        long before = usage(ReplicaConfiguration.REPLICA_POOL);
        mvc.perform(get("/open311/v2/requests.json")).andExpect(status().isOk());
        assertThat(usage(ReplicaConfiguration.REPLICA_POOL)).isGreaterThan(before);
    }

    @Test
    void theReplicaPoolShowsInHealth() throws Exception {
        String health = mvc.perform(get("/actuator/health").with(SignedIn.as(accounts, "admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(health).contains("replicaPool").contains("primaryPool");
    }

    private String probe(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Cookie cookie)
            throws Exception {
        request.with(SignedIn.as(accounts, "admin"));
        if (cookie != null) request.cookie(cookie);
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private long usage(String pool) {
        Timer timer = meters.find("hikaricp.connections.usage").tag("pool", pool).timer();
        assertThat(timer).as("Hikari metrics of pool " + pool).isNotNull();
        return timer.count();
    }

    /** Which pool gave the connection of the current transaction, as the database session itself tells. */
    static String poolOf(DataSource dataSource) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            // the server's own word, not only the URL's
            String query = TestDatabase.isPostgresql() ? "select current_setting('application_name')" : "select @LINLI_POOL";
            boolean replica;
            try (var rs = connection.createStatement().executeQuery(query)) {
                rs.next();
                replica = REPLICA_NAME.equals(rs.getString(1));
            }
            if (TestDatabase.isPostgresql()) {
                assertThat(connection.getMetaData().getURL().contains(REPLICA_NAME)).isEqualTo(replica);
            }
            return replica ? "replica" : "primary";
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Answers which pool served a read-only transaction, for GET and POST alike. */
    @TestConfiguration(proxyBeanMethods = false)
    @RestController
    static class Probe {

        private final DataSource dataSource;
        private final TransactionTemplate readOnly;

        Probe(DataSource dataSource, PlatformTransactionManager transactions) {
            this.dataSource = dataSource;
            this.readOnly = new TransactionTemplate(transactions);
            this.readOnly.setReadOnly(true);
        }

        @RequestMapping(path = "/replica-probe", method = {RequestMethod.GET, RequestMethod.POST})
        String pool() {
            return readOnly.execute(status -> poolOf(dataSource));
        }
    }
}
