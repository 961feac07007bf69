package cn.linli.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The web frame: the language choice (a cookie, changed by {@code ?lang=en} or {@code ?lang=zh_CN} on any page), links
 * written as they are, and the shared session store.
 */
@Configuration(proxyBeanMethods = false)
class WebFrameConfiguration implements WebMvcConfigurer {

    /** The bean name {@code localeResolver} is what DispatcherServlet and Boot look for. */
    @Bean
    LocaleResolver localeResolver() {
        return new LanguageCookieResolver();
    }

    /**
     * No rewriting of the links a page writes. Boot registers this filter because the WebJars locator is present, and it
     * then looks every link up as a possible static resource through the classpath, uncached when it is none: a board
     * page of 50 cases spent most of its time there (profile in docs/performance.md). Linli serves static files under
     * their own names (no content-hashed URLs), so nothing needs rewriting; version-less WebJar paths are still
     * resolved when the file is requested.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    /**
     * Spring Session's filter gets the database store wrapped, so that access times are written in steps, its
     * attributes decoded once per content ({@link DecodedSessionAttributes}) and a session read without a
     * transaction ({@link SessionTransactions}). A bean post-processor, because a
     * repository bean of our own would make Boot's JDBC session configuration back off.
     */
    @Bean
    static BeanPostProcessor accessTimeThrottledSessions(ObjectProvider<PlatformTransactionManager> transactionManager) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                // before it makes the store: the store's transactions (SessionTransactions)
                if (bean instanceof JdbcHttpSessionConfiguration configuration) {
                    configuration.setTransactionOperations(new SessionTransactions(transactionManager));
                }
                if (!(bean instanceof JdbcIndexedSessionRepository store)) return bean;
                store.setConversionService(new DecodedSessionAttributes(WebFrameConfiguration.class.getClassLoader()));
                return new AccessTimeThrottledSessions<>(store);
            }
        };
    }

    /** One read of the session per request (see {@link AccessTimeThrottledSessions}), around Spring Session's filter. */
    @Bean
    FilterRegistrationBean<AccessTimeThrottledSessions.OneReadPerRequest> oneSessionReadPerRequest() {
        var registration = new FilterRegistrationBean<>(new AccessTimeThrottledSessions.OneReadPerRequest());
        registration.setOrder(AccessTimeThrottledSessions.OneReadPerRequest.ORDER);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
