package io.cdp.console.config;

import io.cdp.service.security.ScopeRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Every view's scope. The console checks it first, so a view without its scope is refused here (403) before any
 * other service is called; the service behind it checks its own scope again on the user's token, which the console
 * passes on unchanged: the console can never do more than its user.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleScopes {

    /** The live feed of scored transactions. */
    public static final String FEED = "fraud:monitor";
    /** Alert outcomes: alerting's own read scope. */
    public static final String ALERTS = "alerts:read";
    /** Charts and named queries over the lake. */
    public static final String LAKE = "lake:read";
    /** customer-360's read and unmask scopes, passed through. */
    public static final String CUSTOMERS = "customers:read";

    public static final String UNMASK = "customers:unmask";
    /** The scoring API's model listing accepts either. */
    public static final String MODELS_SCORE = "fraud:score";

    public static final String MODELS_ADMIN = "models:admin";

    @Bean
    @Order(1)
    ScopeRule feedScope() {
        return ScopeRule.of("GET", "/console/api/feed", FEED);
    }

    @Bean
    @Order(2)
    ScopeRule alertsScope() {
        return ScopeRule.of("GET", "/console/api/alerts/**", ALERTS);
    }

    @Bean
    @Order(3)
    ScopeRule lakeScope() {
        return ScopeRule.of("GET", "/console/api/lake/**", LAKE);
    }

    @Bean
    @Order(4)
    ScopeRule unmaskScope() {
        return ScopeRule.of("POST", "/console/api/customers/*/unmask", UNMASK);
    }

    @Bean
    @Order(5)
    ScopeRule auditScope() {
        // who may unmask may see what the unmasking left in core-banking's audit trail
        return ScopeRule.of("GET", "/console/api/customers/*/audit", UNMASK);
    }

    @Bean
    @Order(6)
    ScopeRule customersScope() {
        return ScopeRule.of("GET", "/console/api/customers/**", CUSTOMERS);
    }

    @Bean
    @Order(7)
    ScopeRule modelsScope() {
        return ScopeRule.of("GET", "/console/api/models/**", MODELS_SCORE, MODELS_ADMIN);
    }

    @Bean
    @Order(8)
    ScopeRule modelListScope() {
        return ScopeRule.of("GET", "/console/api/models", MODELS_SCORE, MODELS_ADMIN);
    }
}
