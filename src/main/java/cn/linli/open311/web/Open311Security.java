package cn.linli.open311.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import cn.linli.web.SecurityHeaders;

/**
 * The Open311 interface is public and stateless: anyone may read the services and the public view of requests, and a
 * write proves itself with its {@code api_key} parameter, not with a session; so no session and no CSRF token here
 * (a form post without cookies cannot ride on anyone's login). Ahead of the staff chain, for /open311/v2/** only (the key administration
 * page, /open311/clients, is a staff page under the staff chain).
 */
@Configuration(proxyBeanMethods = false)
class Open311Security {

    @Bean
    @Order(1)
    SecurityFilterChain open311Chain(HttpSecurity http, SecurityHeaders securityHeaders) throws Exception {
        http.securityMatcher("/open311/v2/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .headers(securityHeaders.apply());
        return http.build();
    }
}
