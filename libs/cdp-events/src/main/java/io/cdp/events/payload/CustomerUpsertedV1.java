package io.cdp.events.payload;

import io.cdp.events.pii.Ciphertext;
import io.cdp.events.pii.Masked;
import io.cdp.events.pii.Token;
import java.time.Instant;

/** {@code customer.upserted.v1}: tokens, masked bands and ciphertext only. */
public record CustomerUpsertedV1(
        Token customerToken,
        Masked nameInitials,
        Masked ageBand,
        Masked incomeBand,
        Masked ficoBand,
        Masked zip3,
        String homeCity,
        String homeState,
        int numCards,
        Ciphertext encryptedName,
        Ciphertext encryptedEmail,
        Ciphertext encryptedAddress,
        Instant updatedAt)
        implements EventPayload {}
