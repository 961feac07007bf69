package cn.linli.portal.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import cn.linli.web.SecurityHeaders;

/**
 * The resident portal is public: no staff login, no redirect to one. It is a browser form flow, so CSRF protection
 * stays on (the token lives in the resident's session, which also holds the cases they proved theirs). Ahead of the
 * staff chain, for /portal/** only; staff moderation is a staff page under the staff chain.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain portalChain(HttpSecurity http, SecurityHeaders securityHeaders) throws Exception {
        http.securityMatcher("/portal/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .headers(securityHeaders.apply());
        return http.build();
    }
}
