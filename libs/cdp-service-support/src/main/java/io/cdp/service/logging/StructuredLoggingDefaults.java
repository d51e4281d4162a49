package io.cdp.service.logging;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Sets the services' console log format: ECS JSON lines by default, {@code LOG_FORMAT} to choose another structured
 * format ({@code logstash}, {@code gelf}) or, set empty, Spring Boot's plain text (the benches and local runs read their
 * logs by eye). A service's own {@code logging.structured.format.console} still wins: these are defaults, added last.
 *
 * <p>An environment post-processor and not auto-configuration because the logging system is initialised from the
 * environment before any bean exists.
 */
public final class StructuredLoggingDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "cdpLoggingDefaults";
    static final String CONSOLE_FORMAT = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE)) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource(SOURCE, Map.of(CONSOLE_FORMAT, "${LOG_FORMAT:ecs}")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
