package cn.linli.access.internal;

import java.security.MessageDigest;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

import cn.linli.shared.Sha256;
import cn.linli.web.SecurityHeaders;

/**
 * A Prometheus server scrapes {@code /actuator/prometheus} with a bearer token instead of a login: it cannot fill in
 * the login form, nor answer a second factor. Only the token's SHA-256 is configured
 * ({@code linli.monitoring.scrape-token-sha256}, 64 hex digits), so the configuration does not hold the credential
 * itself. The token opens that one endpoint and nothing else; a request without the header goes to the staff chain
 * (administrators' sessions) as before. Without the property there is no such chain.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("linli.monitoring.scrape-token-sha256")
class MetricsScrapeSecurity {

    static final String ENDPOINT = "/actuator/prometheus";
    private static final String BEARER = "Bearer ";

    @Bean
    @Order(2)
    SecurityFilterChain metricsScrapeChain(HttpSecurity http, SecurityHeaders securityHeaders,
            @Value("${linli.monitoring.scrape-token-sha256}") String tokenSha256) throws Exception {
        byte[] expected = parse(tokenSha256);
        http.securityMatcher(request -> ENDPOINT.equals(request.getRequestURI())
                        && request.getHeader(HttpHeaders.AUTHORIZATION) != null
                        && request.getHeader(HttpHeaders.AUTHORIZATION).startsWith(BEARER))
                .authorizeHttpRequests(requests -> requests.anyRequest()
                        .access((authentication, context) -> new AuthorizationDecision(carries(context.getRequest(), expected))))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .headers(securityHeaders.apply());
        return http.build();
    }

    /** Compares digests in constant time, so response times tell nothing about how much of a guess was right. */
    static boolean carries(HttpServletRequest request, byte[] expected) {
        String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip();
        return MessageDigest.isEqual(Sha256.of(token), expected);
    }

    static byte[] parse(String tokenSha256) {
        String hex = tokenSha256.strip();
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalStateException("linli.monitoring.scrape-token-sha256 must be the 64 hex digits of the token's "
                    + "SHA-256 (e.g. printf %s \"$TOKEN\" | sha256sum)");
        }
        return HexFormat.of().parseHex(hex);
    }
}
