package io.cdp.alerting.context;

import io.cdp.service.tokens.ServiceTokens;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Reads the masked profile from customer-360 with this service's own token (scope {@code customers:read}). 404 (no
 * profile yet: customer-360 may lag the alert) means the contract's defaults; 410 means erased.
 */
public final class ProfileClient {

    private final RestClient http;
    private final ServiceTokens tokens;

    public ProfileClient(RestClient http, ServiceTokens tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    public CustomerProfile find(String customerToken) {
        return http.get()
                .uri("/v1/customers/{token}", customerToken)
                .header("Authorization", tokens.authorizationHeader())
                .exchange((request, response) -> {
                    if (response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                        return CustomerProfile.defaults();
                    }
                    if (response.getStatusCode().isSameCodeAs(HttpStatus.GONE)) {
                        return CustomerProfile.erasedProfile();
                    }
                    if (!response.getStatusCode().is2xxSuccessful()) {
                        throw new IllegalStateException("customer-360 answered "
                                + response.getStatusCode().value());
                    }
                    return parse(response.bodyTo(JsonNode.class));
                });
    }

    /** One page of a segment (contract: {@code GET /v1/customers?segment=...}, cursor pagination). */
    public record Page(
            java.util.List<Member> items, @Nullable String nextCursor) {}

    public record Member(String customerToken, CustomerProfile profile) {}

    public Page segment(String segment, @Nullable String cursor) {
        JsonNode body = http.get()
                .uri(u -> {
                    u.path("/v1/customers").queryParam("segment", segment);
                    if (cursor != null) u.queryParam("cursor", cursor);
                    return u.build();
                })
                .header("Authorization", tokens.authorizationHeader())
                .retrieve()
                .body(JsonNode.class);
        java.util.List<Member> members = new java.util.ArrayList<>();
        if (body != null) {
            for (JsonNode item : body.path("items")) {
                members.add(new Member(item.path("customerToken").asString(), parse(item)));
            }
        }
        String next = body == null ? null : text(body.path("nextCursor"));
        return new Page(java.util.List.copyOf(members), next);
    }

    public static CustomerProfile parse(@Nullable JsonNode p) {
        if (p == null) {
            return CustomerProfile.defaults();
        }
        JsonNode consents = p.path("consents");
        return new CustomerProfile(
                text(p.path("segment").path("name")),
                text(p.path("preferredLanguage")),
                granted(consents, "fraudAlertsEmail", true),
                granted(consents, "fraudAlertsSms", true),
                granted(consents, "marketingEmail", false),
                granted(consents, "marketingSms", false),
                p.hasNonNull("lastFraudAlertAt")
                        ? Instant.parse(p.get("lastFraudAlertAt").asString())
                        : null,
                false);
    }

    private static boolean granted(JsonNode consents, String key, boolean otherwise) {
        JsonNode c = consents.path(key);
        return c.has("granted") ? c.get("granted").asBoolean() : otherwise;
    }

    private static @Nullable String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }
}
