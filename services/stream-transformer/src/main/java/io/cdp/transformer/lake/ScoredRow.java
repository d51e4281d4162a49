package io.cdp.transformer.lake;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code scored/}: the transaction as the CDP zone may see it (tokens, no PII; every field of the wire
 * event but the label, so a retraining learns from the live days as from core banking's extraction), its score and
 * features, and where it was read (shard and sequence number), which names the object it lands in; with the shadow
 * version's score beside it while one shadows ({@code NaN} and null otherwise).
 */
public record ScoredRow(
        String transactionId,
        String cardToken,
        String customerToken,
        Instant transactionTime,
        double amount,
        String currency,
        String merchantId,
        int mcc,
        String channel,
        @Nullable String merchantCity,
        @Nullable String merchantState,
        @Nullable String merchantZip,
        List<String> errors,
        double score,
        String decision,
        boolean alert,
        String modelVersion,
        Instant scoredAt,
        String sequenceNumber,
        double[] features,
        @Nullable String shadowModelVersion,
        double shadowScore) {}
