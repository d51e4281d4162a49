package io.cdp.events.payload;

import io.cdp.events.pii.Token;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code transaction.scored.v1}: features, probability, decision, reasons and the model that said so. {@code alert}
 * (the score crossed the alert threshold, so an alert was requested) and {@code merchantAbroad} (the merchant is
 * outside the US) were added as optional fields for customer-360's risk and share-abroad figures; null from producers
 * that predate them.
 */
public record TransactionScoredV1(
        String transactionId,
        Token cardToken,
        Token customerToken,
        Instant transactionTime,
        BigDecimal amount,
        String currency,
        int mcc,
        Channel channel,
        double score,
        Decision decision,
        String modelVersion,
        List<ReasonCode> reasonCodes,
        Map<String, Double> features,
        Instant scoredAt,
        @Nullable Boolean alert,
        @Nullable Boolean merchantAbroad)
        implements EventPayload {

    public TransactionScoredV1 {
        reasonCodes = List.copyOf(reasonCodes);
        features = Map.copyOf(features);
    }
}
