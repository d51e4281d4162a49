package io.cdp.core.contact;

import org.jspecify.annotations.Nullable;

/**
 * What the bank needs to write to a customer: the first name (first word of the name on record), the e-mail and the
 * phone (E.164, null when the record has none), and the last four digits of the card the message is about (null
 * when no card was asked for). Plaintext: answered to core-zone callers only, never logged.
 */
public record Contact(
        String firstName,
        String email,
        @Nullable String phone,
        @Nullable String cardLast4) {

    @Override
    public String toString() {
        return "Contact[all fields redacted]";
    }
}
