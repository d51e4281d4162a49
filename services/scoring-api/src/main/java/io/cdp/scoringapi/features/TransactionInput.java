package io.cdp.scoringapi.features;

import io.cdp.events.payload.Channel;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the features of one transaction are computed from; already validated.
 *
 * @param transactionId the caller's id, unique per card (a redelivery with the same id and time is a duplicate)
 * @param merchantState US state code, a country for foreign merchants, null for online
 */
public record TransactionInput(String transactionId, String cardToken, Instant time, double amount,
                               String merchantId, @Nullable String merchantState, @Nullable String merchantZip,
                               int mcc, Channel channel, List<String> errors) {

    public TransactionInput {
        errors = List.copyOf(errors);
    }
}
