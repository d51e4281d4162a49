package io.cdp.service.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container health check of every service image: the images hold a Java runtime and nothing else (no shell, no
 * curl), so docker-compose and the ECS task definition run {@code java -cp /app/libs/* io.cdp.service.health.HealthCheck}
 * ({@code CMD}, not {@code CMD-SHELL}). It asks the service's own actuator probe on {@code 127.0.0.1:$PORT} and exits 0
 * when it answers 2xx, 1 otherwise.
 *
 * <p>usage: {@code HealthCheck [path]}, path defaults to {@code /actuator/health/readiness}.
 */
public final class HealthCheck {

    private HealthCheck() {}

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("PORT", "8080");
        String path = args.length > 0 ? args[0] : "/actuator/health/readiness";
        System.exit(check(URI.create("http://127.0.0.1:" + port + path), Duration.ofSeconds(3)) ? 0 : 1);
    }

    static boolean check(URI uri, Duration timeout) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build()) {
            HttpResponse<Void> response = client.send(
                    HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.discarding());
            System.out.println(uri + " -> " + response.statusCode());
            return response.statusCode() / 100 == 2;
        } catch (java.io.IOException e) {
            System.out.println(uri + " -> " + e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
