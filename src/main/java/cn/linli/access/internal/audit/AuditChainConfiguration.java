package cn.linli.access.internal.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import cn.linli.access.internal.crypto.ProtectionSettings;

/** The audit chain with the hash that matches the protection algorithm, and its start-up work. */
@Configuration(proxyBeanMethods = false)
class AuditChainConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AuditChainConfiguration.class);

    @Bean
    AuditChain auditChain(JdbcClient jdbc, PlatformTransactionManager transactions, ProtectionSettings protection) {
        return new AuditChain(jdbc, transactions, ChainHash.forProtectionAlgorithm(protection.algorithm()));
    }

    /** Records from before the chain existed are linked first, so the first check after the upgrade passes. */
    @Bean
    @Order(0)
    ApplicationRunner linkAuditRecordsFromBeforeTheChain(AuditChain chain) {
        return arguments -> {
            int linked = chain.linkRecordsFromBeforeTheChain();
            if (linked > 0) {
                LOG.info("audit chain: {} records written before the chain existed are now linked", linked);
            }
        };
    }
}
