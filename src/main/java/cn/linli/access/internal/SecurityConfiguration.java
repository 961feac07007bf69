package cn.linli.access.internal;

import static cn.linli.access.AuditActions.LOGOUT;

import java.time.Instant;
import java.util.LinkedHashMap;

import org.springframework.beans.factory.annotation.Value;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;

import cn.linli.access.AuditLog;
import cn.linli.access.Role;
import cn.linli.web.SecurityHeaders;

/**
 * Who may open what. Staff log in with a form; every form carries a CSRF token; pages without a login go to the
 * login page, {@code /api/**} answers 401 JSON. Public: the login page, static files, health, the API docs and the
 * error page. Actuator endpoints other than health are for system (and, still, city) administrators; the audit log is
 * for audit administrators only, the account pages for the system and security administrators (三员分立, decision 0012).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** {@code /api/swagger-ui/**} is where springdoc serves the UI that {@code /api/docs} redirects to. */
    static final String[] PUBLIC = {"/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
            "/actuator/health/**", "/api/docs/**", "/api/openapi/**", "/api/swagger-ui/**", "/error"};

    /** bcrypt, with the {@code {bcrypt}} prefix that lets a later algorithm take over without a forced reset. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The only authentication provider. The account lookup is deliberately not a {@code UserDetailsService} bean:
     * Spring Security would build a second, unthrottled provider from it.
     */
    @Bean
    AuthenticationProvider passwordLogin(UserAccounts accounts, PasswordEncoder passwordEncoder, LoginThrottle throttle,
            AuditLog audit, PasswordSettings passwordPolicy, SecondFactors secondFactors, SecondFactorSettings secondFactor,
            @Value("${linli.demo.enabled:true}") boolean demo) {
        boolean enrolmentRequired = secondFactor.enrolmentRequired(demo);
        var passwordCheck = new DaoAuthenticationProvider(username -> accounts.findByUsername(username)
                .map(user -> {
                    boolean enrolled = secondFactors.enrolled(user.id());
                    return SignedInUser.atLogin(user, passwordPolicy.expired(user.passwordSetAt(), Instant.now()), enrolled,
                            enrolmentRequired && !enrolled && SecondFactors.required(user.roles()));
                })
                .orElseThrow(() -> new UsernameNotFoundException("no such user")));
        passwordCheck.setPasswordEncoder(passwordEncoder);
        return new ThrottledAuthenticationProvider(passwordCheck, throttle, audit);
    }

    /**
     * No observation of each security filter, authentication and authorization: it took about a tenth of an intake's
     * CPU in a profile (docs/performance.md) for spans nobody reads; {@code http.server.requests} still times every
     * request, and logins and refusals are in the audit log.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiSecurityErrors apiErrors, AuditLog audit,
            SecurityHeaders securityHeaders) throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.pathPattern("/api/**");
        var outcomes = new LoginOutcomes();
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole(Role.SYSTEM_ADMIN.name(), Role.CITY_ADMIN.name())
                        .requestMatchers("/access/audit", "/access/audit/**").hasRole(Role.AUDIT_ADMIN.name())
                        .requestMatchers("/access/accounts", "/access/accounts/**")
                                .hasAnyRole(Role.SYSTEM_ADMIN.name(), Role.SECURITY_ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler(outcomes)
                        .failureHandler(outcomes)
                        .permitAll())
                .logout(logout -> logout
                        .logoutSuccessUrl("/login?logout")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null) {
                                audit.recordAs(authentication.getName(), LOGOUT, authentication.getName(), null);
                            }
                        }))
                .requestCache(cache -> cache.requestCache(pagesOnly(api)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new DelegatingAuthenticationEntryPoint(
                                new LoginUrlAuthenticationEntryPoint("/login"), new RequestMatcherEntry<>(api, apiErrors)))
                        .accessDeniedHandler(accessDenied(api, apiErrors)))
                .addFilterAfter(new PasswordChangeGate(api, apiErrors), AuthorizationFilter.class)
                // CSP, frame, content type, referrer, HSTS: one policy for every chain (docs/operations.md, "Security checks")
                .headers(securityHeaders.apply());
        return http.build();
    }

    /**
     * Remembers only pages opened before login, to return to them afterwards; an API call without login gets its
     * 401 without creating a session.
     */
    private static RequestCache pagesOnly(RequestMatcher api) {
        var cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new AndRequestMatcher(PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/**"),
                new NegatedRequestMatcher(api)));
        return cache;
    }

    private static AccessDeniedHandler accessDenied(RequestMatcher api, ApiSecurityErrors apiErrors) {
        var handlers = new LinkedHashMap<RequestMatcher, AccessDeniedHandler>();
        handlers.put(api, apiErrors);
        return new RequestMatcherDelegatingAccessDeniedHandler(handlers, new AccessDeniedHandlerImpl());
    }
}
