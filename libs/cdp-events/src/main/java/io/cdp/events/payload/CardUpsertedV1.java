package io.cdp.events.payload;

import io.cdp.events.pii.Ciphertext;
import io.cdp.events.pii.Masked;
import io.cdp.events.pii.Token;
import java.math.BigDecimal;
import java.time.Instant;

/** {@code card.upserted.v1}: the card number travels only as ciphertext and last four. */
public record CardUpsertedV1(
        Token cardToken,
        Token customerToken,
        Masked cardLast4,
        String brand,
        String cardType,
        boolean hasChip,
        BigDecimal creditLimit,
        boolean onDarkWeb,
        Ciphertext encryptedCardNumber,
        Instant updatedAt)
        implements EventPayload {}
