package io.cdp.core;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The core-banking service: system of record, PII protection on the way out, extraction control, core-zone decrypt. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CoreBankingApplication {

    public static void main(String[] args) {
        SpringApplication.run(CoreBankingApplication.class, args);
    }
}
