package io.cdp.events.payload;

import io.cdp.events.pii.Masked;
import io.cdp.events.pii.Token;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code fraud.alert.requested.v1}: masked context for the alerting service; no contact details. */
public record FraudAlertRequestedV1(
        String alertId,
        String transactionId,
        Token customerToken,
        Token cardToken,
        Masked cardLast4,
        BigDecimal amount,
        String currency,
        String merchantId,
        @Nullable String merchantCity,
        int mcc,
        Instant transactionTime,
        double score,
        String modelVersion,
        List<ReasonCode> reasonCodes,
        Instant requestedAt)
        implements EventPayload {

    public FraudAlertRequestedV1 {
        reasonCodes = List.copyOf(reasonCodes);
    }
}
