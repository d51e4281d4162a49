package io.cdp.service.security;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Health for the orchestrator, details for operators: anonymous callers of {@code /actuator/health/**} get only the
 * status (UP/DOWN); a token with {@value #OPS_SCOPE} also gets the components and their details (stream positions,
 * model versions, the emulator's endpoint, which help an attacker as much as an operator). Defaults, added last: a
 * service's own {@code management.endpoint.health.*} settings still win.
 */
public final class ActuatorSecurityDefaults implements EnvironmentPostProcessor, Ordered {

    /** Scope that shows health details. */
    public static final String OPS_SCOPE = "ops:read";

    /** Scope that may scrape {@code /actuator/prometheus}. */
    public static final String METRICS_SCOPE = "metrics:read";

    static final String SOURCE = "cdpActuatorSecurityDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE)) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource(
                            SOURCE,
                            Map.of(
                                    "management.endpoint.health.show-details",
                                    "when-authorized",
                                    "management.endpoint.health.roles",
                                    "SCOPE_" + OPS_SCOPE)));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
