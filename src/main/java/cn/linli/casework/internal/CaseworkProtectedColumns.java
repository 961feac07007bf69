package cn.linli.casework.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.linli.access.ProtectedColumn;

/** Casework's encrypted column, for re-encryption after a key change. */
@Configuration(proxyBeanMethods = false)
class CaseworkProtectedColumns {

    @Bean
    ProtectedColumn reporterPhoneColumn() {
        return new ProtectedColumn(Intake.REPORTER_PHONE, "casework_case", "reporter_phone");
    }
}
