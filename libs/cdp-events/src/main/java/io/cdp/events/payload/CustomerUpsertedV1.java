package io.cdp.events.payload;

import io.cdp.events.pii.Ciphertext;
import io.cdp.events.pii.Masked;
import io.cdp.events.pii.Token;
import java.time.Instant;

/**
 * {@code customer.upserted.v1}: tokens, masked bands and ciphertext only. The home location is generalised to state plus
 * zip3: a city beside zip3, age band and initials narrowed a customer down too far, so it no longer travels.
 */
public record CustomerUpsertedV1(
        Token customerToken,
        Masked nameInitials,
        Masked ageBand,
        Masked incomeBand,
        Masked ficoBand,
        Masked zip3,
        String homeState,
        int numCards,
        Ciphertext encryptedName,
        Ciphertext encryptedEmail,
        Ciphertext encryptedAddress,
        Instant updatedAt)
        implements EventPayload {}
