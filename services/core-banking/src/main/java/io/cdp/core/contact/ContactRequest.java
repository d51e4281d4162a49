package io.cdp.core.contact;

import org.jspecify.annotations.Nullable;

/**
 * A contact lookup as the caller sent it, unchecked (checked and audited by {@link ContactLookup}): the customer's
 * token, optionally the token of the card a message is about, the caller's reference (an alert or campaign id) and
 * the purpose.
 */
public record ContactRequest(
        @Nullable String customerToken,
        @Nullable String cardToken,
        @Nullable String reference,
        @Nullable String purpose) {}
