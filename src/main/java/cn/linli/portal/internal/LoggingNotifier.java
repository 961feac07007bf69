package cn.linli.portal.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.linli.portal.ResidentNotice;
import cn.linli.portal.ResidentNotifier;

/**
 * The notifier until an SMS gateway or WeChat is connected: it logs what would be sent. The phone is masked
 * (PhoneNumber prints itself masked), so the log holds no personal data.
 */
@Configuration(proxyBeanMethods = false)
class LoggingNotifier {

    private static final Logger log = LoggerFactory.getLogger("cn.linli.portal.notices");

    @Bean
    @ConditionalOnMissingBean(ResidentNotifier.class)
    ResidentNotifier loggingResidentNotifier() {
        return notice -> log.info("notice channel={} phone={} case={} message={}", notice.channel(), notice.phone().masked(),
                notice.caseNumber(), notice.message());
    }
}
