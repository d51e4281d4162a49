package io.cdp.alerting.support;

import io.cdp.alerting.compose.AlertContext;
import io.cdp.alerting.compose.MessageChannel;
import io.cdp.events.payload.FraudAlertRequestedV1;
import io.cdp.events.payload.ReasonCode;
import io.cdp.events.pii.Masked;
import io.cdp.events.pii.Token;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Generated alert requests and contexts (tokens of the real shape, random per call). */
public final class TestAlerts {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestAlerts() {}

    public static Token token(String kind) {
        while (true) {
            byte[] mac = new byte[32];
            RANDOM.nextBytes(mac);
            String value =
                    kind + "_v1_" + Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
            if (!value.matches(".*[0-9]{12}.*")) {
                return Token.of(value);
            }
        }
    }

    public static FraudAlertRequestedV1 request(String city, String cardLast4) {
        String tx = "tx-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new FraudAlertRequestedV1(
                "alert-" + tx,
                tx,
                token("cus"),
                token("crd"),
                Masked.last4(cardLast4),
                new BigDecimal("734.20"),
                "USD",
                "-4282466774399734331",
                city,
                5732,
                now.minusSeconds(5),
                0.97,
                "fraud-xgb-20260101.1",
                List.of(new ReasonCode("amount_over_avg_1w", 7.5, 1.25)),
                now);
    }

    public static AlertContext context(MessageChannel channel, String city) {
        return new AlertContext(
                "alert-tx-1",
                channel,
                new BigDecimal("734.2"),
                "USD",
                5732,
                city,
                Instant.parse("2026-12-05T14:03:00Z"),
                "card",
                "en",
                "Champions");
    }
}
