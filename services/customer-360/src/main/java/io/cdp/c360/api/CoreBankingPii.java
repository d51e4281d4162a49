package io.cdp.c360.api;

import io.cdp.service.problem.ProblemException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Core-banking's audited decrypt API ({@code POST /api/pii/decrypt}), called with the caller's own bearer token so
 * core-banking's audit trail names the analyst, not this service, and core-banking's own scope check
 * ({@code pii:decrypt}) applies to them. Nothing here caches or logs a response body.
 */
final class CoreBankingPii {

    private final HttpClient http;
    private final URI decrypt;
    private final Duration timeout;
    private final JsonMapper json;

    CoreBankingPii(URI coreBanking, Duration timeout, JsonMapper json) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.decrypt = coreBanking.resolve("/api/pii/decrypt");
        this.timeout = timeout;
        this.json = json;
    }

    /** The plaintext of one field; a problem with core-banking's status for a refusal (403, 410, 400) or an outage. */
    String decrypt(String bearer, String ciphertext, String customerToken, String field, String purpose) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("ciphertext", ciphertext);
        body.put("entity", "customer");
        body.put("recordId", customerToken);
        body.put("field", field);
        body.put("purpose", purpose);
        HttpRequest request = HttpRequest.newBuilder(decrypt)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
        return switch (response.statusCode()) {
            case 200 -> {
                JsonNode node = json.readTree(response.body());
                yield node.get("value").asString();
            }
            case 401, 403 ->
                throw new ProblemException(
                        HttpStatus.FORBIDDEN,
                        "pii-decrypt-refused",
                        "Decryption refused",
                        "core-banking refused to decrypt for this caller (its token needs the pii:decrypt scope)");
            case 410 ->
                throw new ProblemException(
                        HttpStatus.GONE, "pii-erased", "Personal data erased", "the customer's data was erased");
            case 400 ->
                throw new ProblemException(
                        HttpStatus.CONFLICT,
                        "pii-refused",
                        "Decryption refused",
                        "core-banking refused the request for field " + field + " (see its audit trail)");
            default -> throw unavailable();
        };
    }

    private static ProblemException unavailable() {
        return new ProblemException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "core-banking-unavailable",
                "Core banking unavailable",
                "core-banking's decrypt API did not answer; retry later");
    }
}
