package io.cdp.alerting.context;

import io.cdp.service.tokens.ServiceTokens;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * core-banking's audited contact endpoint: {@code POST /api/pii/contact} with the customer and card tokens, the
 * alert id as reference and the purpose {@code FRAUD_ALERT_DELIVERY} (campaigns: no card, purpose
 * {@code CUSTOMER_CONTACT}), answered with first name, e-mail, phone and card last four in one call (one audit record per alert instead of four decrypts, and alerting never handles ciphertexts
 * or core-zone keys). Scope {@code pii:decrypt}; the service's own identity is what the audit trail records.
 */
public final class CoreBankingContactDirectory implements ContactDirectory {

    public static final String PURPOSE = "FRAUD_ALERT_DELIVERY";

    private final RestClient http;
    private final ServiceTokens tokens;

    public CoreBankingContactDirectory(RestClient http, ServiceTokens tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    @Override
    public Contact lookup(String customerToken, String cardToken, String alertId) {
        return call(Map.of(
                "customerToken", customerToken, "cardToken", cardToken, "reference", alertId, "purpose", PURPOSE));
    }

    @Override
    public Contact lookupForCampaign(String customerToken, String campaignId) {
        return call(Map.of("customerToken", customerToken, "reference", campaignId, "purpose", "CUSTOMER_CONTACT"));
    }

    private Contact call(Map<String, String> body) {
        boolean needsCard = body.containsKey("cardToken");
        return http.post()
                .uri("/api/pii/contact")
                .header("Authorization", tokens.authorizationHeader())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> {
                    if (response.getStatusCode().isSameCodeAs(HttpStatus.GONE)
                            || response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                        throw new ContactUnavailableException("core-banking answered "
                                + response.getStatusCode().value());
                    }
                    if (!response.getStatusCode().is2xxSuccessful()) {
                        throw new IllegalStateException("core-banking answered "
                                + response.getStatusCode().value());
                    }
                    JsonNode c = response.bodyTo(JsonNode.class);
                    if (c == null || !c.hasNonNull("firstName") || (needsCard && !c.hasNonNull("cardLast4"))) {
                        throw new ContactUnavailableException("core-banking answered without name or card");
                    }
                    return new Contact(
                            c.get("firstName").asString(),
                            c.hasNonNull("email") ? c.get("email").asString() : null,
                            c.hasNonNull("phone") ? c.get("phone").asString() : null,
                            c.hasNonNull("cardLast4") ? c.get("cardLast4").asString() : "0000");
                });
    }
}
