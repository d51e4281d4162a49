package io.cdp.transformer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class StreamTransformerApplication {

    public static void main(String[] args) {
        SpringApplication.run(StreamTransformerApplication.class, args);
    }
}
