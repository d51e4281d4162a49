package io.cdp.trainer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The model-trainer batch job: no web server; runs the job named by {@code cdp.trainer.job} ({@code train},
 * {@code evaluate}, {@code publish}) and exits with its status, as a scheduled container task does.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TrainerApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(TrainerApplication.class, args)));
    }
}
