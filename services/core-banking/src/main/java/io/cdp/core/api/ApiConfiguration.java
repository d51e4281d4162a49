package io.cdp.core.api;

import io.cdp.service.security.ScopeRule;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Which scope each endpoint needs (the shared security of cdp-service-support denies everything else): {@code
 * extraction} to start, stop or watch extractions, {@code pii:decrypt} for the decrypt and contact endpoints, {@code pii:erase} to
 * erase a customer. CDP-zone callers never hold the PII scopes.
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    static final String EXTRACTION = "extraction";
    static final String PII_DECRYPT = "pii:decrypt";
    static final String PII_ERASE = "pii:erase";

    @Bean
    @Order(1)
    ScopeRule extractions() {
        return new ScopeRule(null, "/api/extractions/**", List.of(EXTRACTION));
    }

    @Bean
    @Order(2)
    ScopeRule decrypt() {
        return ScopeRule.of("POST", "/api/pii/decrypt", PII_DECRYPT);
    }

    @Bean
    @Order(3)
    ScopeRule erase() {
        return ScopeRule.of("DELETE", "/api/customers/*/pii", PII_ERASE);
    }

    @Bean
    @Order(5)
    ScopeRule contact() {
        return ScopeRule.of("POST", "/api/pii/contact", PII_DECRYPT);
    }

    /** The service's metrics, for the operators who run extractions (before: any valid token). */
    @Bean
    @Order(4)
    ScopeRule metrics() {
        return ScopeRule.of("GET", "/actuator/metrics/**", EXTRACTION);
    }
}
