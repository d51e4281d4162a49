package io.cdp.core;

import io.cdp.aws.test.AwsEmulator;
import org.springframework.boot.SpringApplication;

/**
 * Starts the service against the test emulator ({@code ./mvnw -pl services/core-banking spring-boot:test-run}),
 * with the local profile (resources created at startup, development JWT key in {@code .cdp/dev-jwt.key}).
 */
public class TestCoreBankingApplication {

    public static void main(String[] args) {
        System.setProperty("cdp.aws.endpoint", AwsEmulator.shared().endpoint().toString());
        SpringApplication.from(CoreBankingApplication::main)
                .withAdditionalProfiles("local")
                .run(args);
    }
}
