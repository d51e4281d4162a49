package io.cdp.service.security;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

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

    /** The only profile in which a development JWT key is accepted. */
    public static final String LOCAL_PROFILE = "local";

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
            CdpSecurityProperties properties,
            Environment environment)
            throws Exception {
        requireDevKeyOnlyLocally(environment);
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
                    // scraping is its own scope: a metrics collector needs no business scope, and no business client
                    // needs the metrics
                    auth.requestMatchers("/actuator/prometheus")
                            .hasAuthority("SCOPE_" + ActuatorSecurityDefaults.METRICS_SCOPE);
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
            http.oauth2ResourceServer(rs -> rs.bearerTokenResolver(new FastPathBearerTokenResolver())
                    .jwt(Customizer.withDefaults())
                    .authenticationEntryPoint(ProblemAuthenticationHandlers.entryPoint())
                    .accessDeniedHandler(ProblemAuthenticationHandlers.accessDenied()));
        } else {
            // still starts (health stays reachable for the orchestrator) but lets nobody in: fail closed, loudly
            log.warn("no JWT issuer (spring.security.oauth2.resourceserver.jwt.issuer-uri) and no development key "
                    + "(cdp.security.dev-*, local profile): every protected endpoint answers 401");
        }
        return http.build();
    }

    /**
     * Spring Security's strict firewall with its header-value check decided by a loop for plain ASCII
     * ({@link FastPathHeaderValues}): the same requests pass and fail, at less CPU per request.
     */
    @Bean
    @ConditionalOnMissingBean(WebSecurityCustomizer.class)
    WebSecurityCustomizer cdpHttpFirewall() {
        return web -> web.httpFirewall(FastPathHeaderValues.firewall());
    }

    /**
     * Production decoder: keys from the JWK set ({@code jwk-set-uri}) or from the issuer's discovery document
     * ({@code issuer-uri} alone, fetched on first use so startup does not depend on the identity provider); RS256 or
     * ES256 only, so neither {@code alg: none} nor an HMAC token keyed with the public key can pass. The issuer is
     * always required and checked, and so are {@code exp} and the audience ({@link TokenValidators}).
     */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    @Conditional(ProductionJwtCondition.class)
    JwtDecoder cdpJwtDecoder(CdpSecurityProperties properties, Environment environment) {
        String issuer = environment.getProperty(ProductionJwtCondition.ISSUER_URI, "");
        String jwkSetUri = environment.getProperty(ProductionJwtCondition.JWK_SET_URI, "");
        if (!StringUtils.hasText(issuer)) {
            throw new IllegalStateException(ProductionJwtCondition.JWK_SET_URI + " is set but "
                    + ProductionJwtCondition.ISSUER_URI + " is not: tokens are only accepted from a known issuer");
        }
        OAuth2TokenValidator<Jwt> validator = TokenValidators.production(issuer, properties.audience());
        JwtDecoder decoder;
        if (StringUtils.hasText(jwkSetUri)) {
            NimbusJwtDecoder jwks = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
                    .jwsAlgorithms(algorithms -> {
                        algorithms.add(SignatureAlgorithm.RS256);
                        algorithms.add(SignatureAlgorithm.ES256);
                    })
                    .build();
            jwks.setJwtValidator(validator);
            decoder = jwks;
        } else {
            decoder = new SupplierJwtDecoder(() -> {
                NimbusJwtDecoder discovered =
                        NimbusJwtDecoder.withIssuerLocation(issuer).build();
                discovered.setJwtValidator(validator);
                return discovered;
            });
        }
        return new CachingJwtDecoder(decoder);
    }

    /**
     * Development decoder: HMAC key from configuration or a local key file, issuer {@link DevTokens#ISSUER} only.
     * Allowed only under the {@code local} profile and never beside a production issuer
     * ({@link #requireDevKeyOnlyLocally}).
     */
    @Bean
    @Conditional(DevKeyCondition.class)
    JwtDecoder cdpDevJwtDecoder(CdpSecurityProperties properties, Environment environment) {
        requireDevKeyOnlyLocally(environment);
        SecretKey key =
                properties.devSecret() != null && !properties.devSecret().isBlank()
                        ? DevTokens.key(properties.devSecret())
                        : DevTokens.keyFromFile(Path.of(Objects.requireNonNull(properties.devKeyFile())));
        log.warn("JWTs are checked with a DEVELOPMENT key (cdp.security.dev-*): for the local profile only");
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(TokenValidators.development(properties.audience()));
        return new CachingJwtDecoder(decoder);
    }

    /**
     * A development key is accepted under the {@code local} profile only and never beside a production issuer: a
     * development key anywhere else stops startup rather than quietly trusting tokens anyone with the key file can
     * mint, or quietly replacing the identity provider's decoder.
     */
    static void requireDevKeyOnlyLocally(Environment environment) {
        if (!StringUtils.hasText(environment.getProperty(DevKeyCondition.SECRET))
                && !StringUtils.hasText(environment.getProperty(DevKeyCondition.KEY_FILE))) {
            return;
        }
        if (!environment.matchesProfiles(LOCAL_PROFILE)) {
            throw new IllegalStateException("a development JWT key (" + DevKeyCondition.SECRET + " or "
                    + DevKeyCondition.KEY_FILE + ") is configured outside the '" + LOCAL_PROFILE
                    + "' profile (active: " + String.join(",", environment.getActiveProfiles()) + "): remove it and "
                    + "set " + ProductionJwtCondition.ISSUER_URI + ", or run with --spring.profiles.active="
                    + LOCAL_PROFILE);
        }
        if (StringUtils.hasText(environment.getProperty(ProductionJwtCondition.ISSUER_URI))
                || StringUtils.hasText(environment.getProperty(ProductionJwtCondition.JWK_SET_URI))) {
            throw new IllegalStateException("both a development JWT key (" + DevKeyCondition.SECRET + " or "
                    + DevKeyCondition.KEY_FILE + ") and an identity provider (" + ProductionJwtCondition.ISSUER_URI
                    + " or " + ProductionJwtCondition.JWK_SET_URI + ") are configured: keep one (an empty "
                    + "CDP_DEV_KEY_FILE switches the local profile's key off)");
        }
    }

    /** Ahead of Spring Security's filters, so an oversized body costs neither a token check nor a read. */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> cdpBodySizeLimitFilter(CdpSecurityProperties properties) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.maxBodySize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
