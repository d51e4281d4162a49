package io.cdp.scoringapi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Fraud scoring over REST: see the module README for the endpoints, the feature store item and the commands. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ScoringApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScoringApiApplication.class, args);
    }
}
