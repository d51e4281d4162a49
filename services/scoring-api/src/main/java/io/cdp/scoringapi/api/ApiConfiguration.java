package io.cdp.scoringapi.api;

import io.cdp.service.security.ScopeRule;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.observation.SecurityObservationSettings;

/** Which scope each endpoint needs, and the OpenAPI document's server (relative, so the file is stable). */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    static final String SCORE = "fraud:score";
    static final String ADMIN = "models:admin";

    @Bean
    @Order(1)
    ScopeRule promotionNeedsAdmin() {
        return ScopeRule.of("POST", "/v1/models/*/promotion", ADMIN);
    }

    @Bean
    @Order(2)
    ScopeRule modelsReadable() {
        return ScopeRule.of("GET", "/v1/models/**", SCORE, ADMIN);
    }

    @Bean
    @Order(3)
    ScopeRule listReadable() {
        return ScopeRule.of("GET", "/v1/models", SCORE, ADMIN);
    }

    @Bean
    @Order(4)
    ScopeRule scoring() {
        return ScopeRule.of("POST", "/v1/fraud-scores", SCORE);
    }

    @Bean
    @Order(5)
    ScopeRule batchScoring() {
        return ScopeRule.of("POST", "/v1/fraud-scores:batch", SCORE);
    }

    /**
     * No security observations: {@code management.observations.enable.spring.security=false} only stops recording
     * them, while Spring Security still wraps every filter, the authentication and the authorization of every request
     * in an observation that is then thrown away (about 7 % of a scoring request's CPU in a flight recording of
     * {@code ./cdp bench api}). The HTTP server observation ({@code http.server.requests}) stays.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    OpenApiCustomizer relativeServer() {
        return openApi -> openApi.setServers(List.of(new Server().url("/").description("this service")));
    }
}
