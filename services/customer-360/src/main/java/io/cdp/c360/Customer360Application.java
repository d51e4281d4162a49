package io.cdp.c360;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class Customer360Application {

    public static void main(String[] args) {
        SpringApplication.run(Customer360Application.class, args);
    }
}
