package io.cdp.scoringapi.tools;

import io.cdp.scoringapi.ScoringApiApplication;
import io.cdp.service.security.DevTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./cdp openapi export}: starts the service on a free port against the local emulator (namespace
 * {@code openapi-}, no model needed), fetches {@code /v3/api-docs.yaml} and writes {@value #DOCUMENT}.
 */
public final class OpenApiExportMain {

    public static final String DOCUMENT = "docs/openapi/scoring-api.yaml";

    private OpenApiExportMain() {
    }

    public static void main(String[] args) throws Exception {
        Path file = documentPath();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ScoringApiApplication.class)
                .properties("server.port=0", "cdp.aws.namespace=openapi-", "cdp.aws.bootstrap=true",
                        "cdp.aws.endpoint=" + System.getenv().getOrDefault("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"),
                        "cdp.security.dev-secret=" + DevTokens.randomSecret(), "scoring.model.bootstrap-if-missing=false",
                        "logging.structured.format.console=", "logging.level.root=WARN")
                .run(args)) {
            int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
            String yaml = fetch(port);
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml);
            System.out.println("openapi: wrote " + RepositoryRoot.find().relativize(file) + " (" + yaml.lines().count()
                    + " lines)");
        }
    }

    public static Path documentPath() {
        return RepositoryRoot.find().resolve(DOCUMENT);
    }

    /** The YAML document the service on {@code port} serves. */
    public static String fetch(int port) throws IOException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/v3/api-docs.yaml")).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET /v3/api-docs.yaml answered " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
