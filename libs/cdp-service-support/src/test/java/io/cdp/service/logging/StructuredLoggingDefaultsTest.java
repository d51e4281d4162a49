package io.cdp.service.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class StructuredLoggingDefaultsTest {

    private final StructuredLoggingDefaults defaults = new StructuredLoggingDefaults();

    @Test
    void ecsJsonLinesUnlessLogFormatSaysOtherwise() {
        assertThat(format(Map.of())).isEqualTo("ecs");
        assertThat(format(Map.of("LOG_FORMAT", "logstash"))).isEqualTo("logstash");
        // empty: plain text, as the benches ask for
        assertThat(format(Map.of("LOG_FORMAT", ""))).isEmpty();
    }

    @Test
    void aServicesOwnSettingWins() {
        assertThat(format(Map.of(StructuredLoggingDefaults.CONSOLE_FORMAT, "gelf")))
                .isEqualTo("gelf");
    }

    /** Through Spring Boot, which finds the post-processor in spring.factories: nothing else here sets a format. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aSpringApplicationLogsEcsJsonLines(CapturedOutput output) {
        try (var context = new SpringApplicationBuilder(Empty.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off")
                .run()) {
            LoggerFactory.getLogger("io.cdp.test").info("card tok_1234 scored");
        }

        assertThat(output.getOut().lines().filter(line -> line.contains("card tok_1234 scored")))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("{")
                        .contains("\"ecs\":{\"version\"")
                        .contains("\"logger\":\"io.cdp.test\""));
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {}

    private String format(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        // this machine's own environment must not decide the test
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        defaults.postProcessEnvironment(environment, new SpringApplication());
        defaults.postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty(StructuredLoggingDefaults.CONSOLE_FORMAT);
    }
}
