package cn.linli.registry.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.linli.access.ProtectedColumn;
import cn.linli.registry.Registry;

/** The registry's encrypted columns, for re-encryption after a key change. */
@Configuration(proxyBeanMethods = false)
class RegistryProtectedColumns {

    @Bean
    ProtectedColumn residentDocumentColumn() {
        return new ProtectedColumn(Registry.RESIDENT_DOCUMENT, "registry_resident", "document_number");
    }

    @Bean
    ProtectedColumn residentPhoneColumn() {
        return new ProtectedColumn(Registry.RESIDENT_PHONE, "registry_resident", "phone");
    }

    @Bean
    ProtectedColumn householdPhoneColumn() {
        return new ProtectedColumn(Registry.HOUSEHOLD_PHONE, "registry_household", "phone");
    }
}
