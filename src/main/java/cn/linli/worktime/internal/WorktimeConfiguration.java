package cn.linli.worktime.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.linli.worktime.WorkingHours;

/** The configured office hours as a bean; a wrong setting stops the start with the setting named. */
@Configuration(proxyBeanMethods = false)
class WorktimeConfiguration {

    @Bean
    WorkingHours workingHours(WorktimeSettings settings) {
        try {
            return WorkingHours.of(settings.zone(), settings.periods());
        } catch (RuntimeException e) {
            throw new IllegalStateException("linli.worktime is not valid: " + e.getMessage(), e);
        }
    }
}
