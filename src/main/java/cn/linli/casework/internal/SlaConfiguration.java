package cn.linli.casework.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduled work of casework: the deadline watch ({@link SlaWatch}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SlaConfiguration {
}
