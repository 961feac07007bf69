package cn.linli.portal.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.linli.access.ProtectedColumn;

/** The portal's encrypted column (subscribers' phones), for re-encryption after a key change. */
@Configuration(proxyBeanMethods = false)
class PortalProtectedColumns {

    @Bean
    ProtectedColumn subscriptionPhoneColumn() {
        return new ProtectedColumn(PortalReportsPhone.FIELD, "portal_subscription", "phone");
    }
}
