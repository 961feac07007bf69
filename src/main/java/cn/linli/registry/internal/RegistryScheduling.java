package cn.linli.registry.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The registry's scheduled jobs (retention, the sweep of interrupted imports) need scheduling on. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RegistryScheduling {
}
