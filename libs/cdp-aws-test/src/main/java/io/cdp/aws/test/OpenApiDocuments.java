package io.cdp.aws.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/**
 * The committed OpenAPI documents ({@code docs/openapi/<service>.yaml}) and what a running service serves: the
 * divergence tests compare the two, {@code ./cdp openapi export} writes the served one.
 */
public final class OpenApiDocuments {

    public static final String DIRECTORY = "docs/openapi";

    private OpenApiDocuments() {}

    /** Where {@code service}'s document is committed, in the checkout this process runs in. */
    public static Path committed(String service) {
        return RepositoryRoot.find().resolve(DIRECTORY).resolve(service + ".yaml");
    }

    /** The YAML document the service on {@code port} serves. */
    public static String fetch(int port) throws IOException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs.yaml"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
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
