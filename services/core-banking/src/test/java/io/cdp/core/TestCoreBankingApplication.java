package io.cdp.core;

import io.cdp.aws.test.AwsEmulator;
import org.springframework.boot.SpringApplication;

/**
 * Starts the service against the test emulator ({@code ./mvnw -pl services/core-banking spring-boot:test-run}),
 * with a development JWT secret, as the local profile does.
 */
public class TestCoreBankingApplication {

    public static void main(String[] args) {
        System.setProperty("cdp.core.aws-endpoint", AwsEmulator.shared().endpoint().toString());
        SpringApplication.from(CoreBankingApplication::main).withAdditionalProfiles("local").run(args);
    }
}
