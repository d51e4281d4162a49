package io.cdp.events.payload;

import io.cdp.events.pii.Token;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code transaction.scored.v1}: features, probability, decision, reasons and the model that said so. */
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
        Instant scoredAt)
        implements EventPayload {

    public TransactionScoredV1 {
        reasonCodes = List.copyOf(reasonCodes);
        features = Map.copyOf(features);
    }
}
