package io.cdp.events.payload;

import io.cdp.events.pii.Token;
import java.time.Instant;

/**
 * {@code customer.erased.v1}: core-banking erased a customer (crypto-shredded their data key, removed their plaintext
 * PII). Travels on {@code cdp.core.customers} keyed by the customer token, so every CDP-zone copy keyed by that token
 * (customer-360's profile) is erased in turn and later events for it are ignored.
 */
public record CustomerErasedV1(Token customerToken, Instant erasedAt) implements EventPayload {}
