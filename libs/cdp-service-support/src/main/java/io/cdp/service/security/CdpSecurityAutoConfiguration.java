package io.cdp.service.security;

import java.nio.file.Path;
import java.util.List;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The security filter chain of every CDP service: stateless JWT resource server, scope rules from the service's
 * {@link ScopeRule} beans, health/info and API docs open, everything else denied. Runs before Boot's own security
 * auto-configuration so Boot's default chain (and its generated password) never appears.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, JwtDecoder.class})
@EnableWebSecurity
@EnableConfigurationProperties(CdpSecurityProperties.class)
public class CdpSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CdpSecurityAutoConfiguration.class);

    /** Open without a token: probes and the API documentation (which says how to get a token). */
    static final String[] PUBLIC_PATHS = {
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/v3/api-docs.yaml",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/error"
    };

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain cdpSecurityFilterChain(
            HttpSecurity http,
            ObjectProvider<ScopeRule> rules,
            ObjectProvider<JwtDecoder> decoders,
            CdpSecurityProperties properties)
            throws Exception {
        List<ScopeRule> ordered = rules.orderedStream().toList();
        boolean canVerifyTokens = decoders.getIfAvailable() != null;
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .securityContext(c -> c.requireExplicitSave(true))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(PUBLIC_PATHS).permitAll();
                    if (!properties.publicPaths().isEmpty()) {
                        auth.requestMatchers(properties.publicPaths().toArray(String[]::new))
                                .permitAll();
                    }
                    for (ScopeRule rule : ordered) {
                        if (rule.method() == null) {
                            auth.requestMatchers(rule.pattern()).hasAnyAuthority(rule.authorities());
                        } else {
                            auth.requestMatchers(HttpMethod.valueOf(rule.method()), rule.pattern())
                                    .hasAnyAuthority(rule.authorities());
                        }
                    }
                    // the same scopes for other methods on a declared path, so MVC can answer 405 (with Allow)
                    // instead of a misleading 403
                    for (ScopeRule rule : ordered) {
                        auth.requestMatchers(rule.pattern()).hasAnyAuthority(rule.authorities());
                    }
                    // fail closed: an endpoint without a declared scope is reachable by nobody
                    auth.anyRequest().denyAll();
                })
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemAuthenticationHandlers.entryPoint())
                        .accessDeniedHandler(ProblemAuthenticationHandlers.accessDenied()));
        if (canVerifyTokens) {
            http.oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults())
                    .authenticationEntryPoint(ProblemAuthenticationHandlers.entryPoint())
                    .accessDeniedHandler(ProblemAuthenticationHandlers.accessDenied()));
        } else {
            // still starts (health stays reachable for the orchestrator) but lets nobody in: fail closed, loudly
            log.warn("no JWT issuer (spring.security.oauth2.resourceserver.jwt.issuer-uri) and no development key "
                    + "(cdp.security.dev-*): every protected endpoint answers 401");
        }
        return http.build();
    }

    /**
     * Development decoder: HMAC key from configuration or a local key file, issuer {@link DevTokens#ISSUER} only.
     * Without a development key this bean is absent and Boot builds the decoder from
     * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (production).
     */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    @Conditional(DevKeyCondition.class)
    JwtDecoder cdpDevJwtDecoder(CdpSecurityProperties properties) {
        SecretKey key =
                properties.devSecret() != null && !properties.devSecret().isBlank()
                        ? DevTokens.key(properties.devSecret())
                        : DevTokens.keyFromFile(Path.of(properties.devKeyFile()));
        log.warn("JWTs are checked with a DEVELOPMENT key (cdp.security.dev-*): for the local profile and tests only");
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(
                new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(DevTokens.ISSUER)));
        return new CachingJwtDecoder(decoder);
    }
}
