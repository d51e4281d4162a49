package io.cdp.alerting.compose;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a message may be written from: masked and non-personal facts only. {@code merchantCity} is untrusted text (it
 * comes from the card network) and is passed to the model as data, never as instructions.
 *
 * @param language BCP 47 language from the customer's profile, or null when unknown
 * @param segment  the customer's segment name (tone), or null
 */
public record AlertContext(
        String alertId,
        MessageChannel channel,
        BigDecimal amount,
        String currency,
        int mcc,
        @Nullable String merchantCity,
        Instant transactionTime,
        String channelOfPayment,
        @Nullable String language,
        @Nullable String segment) {

    /** The language to write in: the profile's primary subtag when a template exists for it, else English. */
    public String languageOrDefault() {
        if (language == null || language.isBlank()) {
            return "en";
        }
        return language.toLowerCase(java.util.Locale.ROOT).split("[-_]")[0];
    }
}
