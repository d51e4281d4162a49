package io.cdp.alerting.context;

import org.jspecify.annotations.Nullable;

/**
 * Plaintext contact details and placeholder values, held in memory only for the delivery of one alert: never logged,
 * never stored, never in a prompt. {@link #toString()} says so.
 */
public record Contact(
        String firstName, @Nullable String email, @Nullable String phone, String cardLast4) {

    @Override
    public String toString() {
        return "Contact[redacted]";
    }
}
