package io.cdp.events.payload;

import io.cdp.events.pii.Token;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code transaction.recorded.v1}: one card transaction; partition key is the card token. */
public record TransactionRecordedV1(
        String transactionId,
        Token cardToken,
        Token customerToken,
        Instant transactionTime,
        BigDecimal amount,
        String currency,
        String merchantId,
        @Nullable String merchantCity,
        @Nullable String merchantState,
        @Nullable String merchantZip,
        int mcc,
        Channel channel,
        List<String> errors,
        @Nullable Boolean fraudLabel)
        implements EventPayload {

    public TransactionRecordedV1 {
        errors = List.copyOf(errors);
    }
}
