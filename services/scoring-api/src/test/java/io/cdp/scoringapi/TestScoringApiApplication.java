package io.cdp.scoringapi;

import io.cdp.aws.test.AwsEmulator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Runs the service against the emulator of this machine (found as the integration tests find it) with the local
 * profile: {@code ./mvnw -pl services/scoring-api spring-boot:test-run}.
 */
public class TestScoringApiApplication {

    public static void main(String[] args) {
        SpringApplication.from(ScoringApiApplication::main)
                .with(Emulator.class)
                .withAdditionalProfiles("local")
                .run(args);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Emulator {

        @Bean
        DynamicPropertyRegistrar emulatorEndpoint() {
            return registry -> registry.add(
                    "cdp.aws.endpoint", () -> AwsEmulator.shared().endpoint().toString());
        }
    }
}
