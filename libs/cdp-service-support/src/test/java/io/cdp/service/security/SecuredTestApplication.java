package io.cdp.service.security;

import io.cdp.service.aws.CdpAwsAutoConfiguration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A service as the suite builds them: one scoped endpoint, a health component with details, the actuator. */
@SpringBootApplication(exclude = CdpAwsAutoConfiguration.class)
class SecuredTestApplication {

    static final String SCOPE = "test:echo";

    /** How many bodies the endpoint parsed: an oversized body must never get this far. */
    static final AtomicInteger PARSED = new AtomicInteger();

    @Bean
    ScopeRule echoRule() {
        return ScopeRule.of("POST", "/echo", SCOPE);
    }

    @Bean
    HealthIndicator probe() {
        return () -> Health.up().withDetail("stream", "cdp-test-stream").build();
    }

    @RestController
    static class Echo {
        @PostMapping("/echo")
        Map<String, Integer> echo(@RequestBody Map<String, Object> body) {
            PARSED.incrementAndGet();
            return Map.of("fields", body.size());
        }
    }
}
