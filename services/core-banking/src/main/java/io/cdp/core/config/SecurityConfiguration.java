package io.cdp.core.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;

/**
 * JWT resource server. Every endpoint needs a scope except health and the API docs: {@code extraction} to
 * start, stop or watch extractions, {@code pii:decrypt} for the decrypt endpoint, {@code pii:erase} to
 * erase a customer. CDP-zone callers never hold the PII scopes.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/api/extractions/**", "/api/extractions").hasAuthority("SCOPE_extraction")
                        .requestMatchers(HttpMethod.POST, "/api/pii/decrypt").hasAuthority("SCOPE_pii:decrypt")
                        .requestMatchers(HttpMethod.DELETE, "/api/customers/*/pii").hasAuthority("SCOPE_pii:erase")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.jwt(jwt -> { }));
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(CoreBankingProperties properties) {
        if (properties.jwtSecret() != null && !properties.jwtSecret().isBlank()) {
            return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(properties.jwtSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256).build();
        }
        if (properties.jwtIssuerUri() == null || properties.jwtIssuerUri().isBlank()) {
            throw new IllegalStateException("set JWT_ISSUER_URI (production) or, in the local profile, cdp.core.jwt-secret");
        }
        return JwtDecoders.fromIssuerLocation(properties.jwtIssuerUri());
    }
}
