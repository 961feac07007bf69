package cn.linli.casework.internal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock cases are timed by; tests replace it to walk a case past its deadlines. */
@Configuration(proxyBeanMethods = false)
class CaseworkConfiguration {

    @Bean
    Clock caseClock() {
        return Clock.systemUTC();
    }
}
