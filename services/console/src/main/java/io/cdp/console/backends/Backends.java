package io.cdp.console.backends;

import io.cdp.console.config.ConsoleProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Calls another service on the user's behalf with the user's own bearer token, and answers its status and body
 * unchanged (problem documents included), so a missing scope at customer-360 shows as that service's 403. A service
 * that does not answer is a 502 problem of the console's own. The console never mints or stores a token.
 */
@Component
public class Backends {

    /** Response headers worth passing on; hop-by-hop and length headers are the console's own. */
    private static final Set<String> PASSED = Set.of("cache-control", "pragma");

    private final HttpClient http;
    private final ConsoleProperties properties;

    public Backends(ConsoleProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.callTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public ResponseEntity<byte[]> get(URI base, String path, String bearer) {
        return send(base, path, bearer, HttpRequest.BodyPublishers.noBody(), "GET");
    }

    public ResponseEntity<byte[]> post(URI base, String path, String bearer, String jsonBody) {
        return send(base, path, bearer, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8), "POST");
    }

    private ResponseEntity<byte[]> send(
            URI base, String path, String bearer, HttpRequest.BodyPublisher body, String method) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(properties.callTimeout())
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                .method(method, body)
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return unavailable(base);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(base);
        }
        ResponseEntity.BodyBuilder out = ResponseEntity.status(response.statusCode());
        response.headers().firstValue("content-type").ifPresent(type -> out.header("Content-Type", type));
        response.headers().map().forEach((name, values) -> {
            if (PASSED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                out.header(name, values.toArray(String[]::new));
            }
        });
        return out.body(response.body());
    }

    private static ResponseEntity<byte[]> unavailable(URI base) {
        String problem = "{\"type\":\"https://problems.cdp.io/upstream-unavailable\",\"title\":\"Service unavailable\","
                + "\"status\":502,\"detail\":\"no answer from " + base.getHost() + ":" + base.getPort() + "\"}";
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.getBytes(StandardCharsets.UTF_8));
    }

    public ConsoleProperties properties() {
        return properties;
    }
}
