package io.cdp.transformer;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * {@code ./mvnw -pl services/stream-transformer spring-boot:test-run}: the transformer against the emulator the tests
 * find, with the local profile (resources bootstrapped; it waits for a live model: {@code ./cdp train --promote}).
 */
public class TestStreamTransformerApplication {

    public static void main(String[] args) {
        SpringApplication.from(StreamTransformerApplication::main)
                .with(EmulatorConfiguration.class)
                .withAdditionalProfiles("local")
                .run(args);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class EmulatorConfiguration {

        /** Replaces the auto-configured clients: the emulator the integration tests use, wherever it was found. */
        @Bean
        AwsClients cdpAwsClients() {
            return AwsEmulator.shared().clients();
        }
    }
}
