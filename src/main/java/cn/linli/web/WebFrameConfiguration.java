package cn.linli.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** The language choice: a cookie, changed by {@code ?lang=en} or {@code ?lang=zh_CN} on any page. */
@Configuration(proxyBeanMethods = false)
class WebFrameConfiguration implements WebMvcConfigurer {

    /** The bean name {@code localeResolver} is what DispatcherServlet and Boot look for. */
    @Bean
    LocaleResolver localeResolver() {
        return new LanguageCookieResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
