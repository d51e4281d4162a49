package io.cdp.c360.profile;

import io.cdp.events.payload.CardUpsertedV1;
import java.time.Instant;

/** One of the customer's cards, masked: token, last four behind the mask, brand and type. */
public record Card(
        String cardToken, String maskedNumber, String brand, String type, boolean hasChip, Instant updatedAt) {

    public static Card of(CardUpsertedV1 e) {
        return new Card(
                e.cardToken().value(), e.cardLast4().value(), e.brand(), e.cardType(), e.hasChip(), e.updatedAt());
    }
}
