package cn.linli.open311;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.linli.access.ProtectedColumn;

/** Open311's encrypted column (a reporter's e-mail), for re-encryption after a key change. */
@Configuration(proxyBeanMethods = false)
class Open311ProtectedColumns {

    @Bean
    ProtectedColumn open311EmailColumn() {
        return new ProtectedColumn(ServiceRequests.EMAIL, "open311_request", "email");
    }
}
