package io.cdp.features.online;

import io.cdp.features.tabformer.TabFormerTransaction;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One card transaction as the online features read it, free of any wire format: the stream transformer maps its
 * event payload onto it, the scoring API its request.
 *
 * @param transactionId the caller's id, unique per card; a redelivery repeats id and time
 * @param customerToken the card holder's token when known (the stream has it, an authorization request does not);
 *                      it only keys the home location, which the online context never holds
 * @param merchantState US state code, a country for foreign merchants, null for online
 * @param fraudLabel    the label where one is known (training data); never read by a feature
 */
public record OnlineTransaction(
        String transactionId,
        @Nullable String customerToken,
        String cardToken,
        Instant time,
        double amount,
        TabFormerTransaction.UseChip channel,
        String merchantId,
        @Nullable String merchantCity,
        @Nullable String merchantState,
        @Nullable String merchantZip,
        int mcc,
        List<String> errors,
        boolean fraudLabel) {

    public OnlineTransaction {
        errors = List.copyOf(errors);
    }
}
