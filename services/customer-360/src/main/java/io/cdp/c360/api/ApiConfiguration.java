package io.cdp.c360.api;

import io.cdp.service.security.ScopeRule;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Which scope each endpoint needs (the shared security of cdp-service-support denies everything else):
 * {@code customers:read} to read profiles and segments, {@code customers:write} to change consents,
 * {@code customers:unmask} to unmask (and core-banking then asks the same caller's token for {@code pii:decrypt}).
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    static final String READ = "customers:read";
    static final String WRITE = "customers:write";
    static final String UNMASK = "customers:unmask";

    @Bean
    @Order(1)
    ScopeRule unmask() {
        return ScopeRule.of("POST", "/v1/customers/*/unmask", UNMASK);
    }

    @Bean
    @Order(2)
    ScopeRule consents() {
        return ScopeRule.of("PUT", "/v1/customers/*/consents", WRITE);
    }

    @Bean
    @Order(3)
    ScopeRule profiles() {
        return ScopeRule.of("GET", "/v1/customers/**", READ);
    }

    @Bean
    @Order(4)
    ScopeRule listing() {
        return ScopeRule.of("GET", "/v1/customers", READ);
    }

    @Bean
    @Order(5)
    ScopeRule segments() {
        return ScopeRule.of("GET", "/v1/segments", READ);
    }

    /** As in the scoring API: no security observations on the read path (wrapped and thrown away otherwise). */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    OpenApiCustomizer relativeServer() {
        return openApi -> openApi.setServers(List.of(new Server().url("/").description("this service")));
    }
}
