package io.cdp.core.tabformer;

import java.math.BigDecimal;
import java.time.YearMonth;

/** A card as core banking holds it; {@link #cardId()} is {@code <customerId>:<cardIndex>}. */
public record Card(
        String customerId,
        int cardIndex,
        String brand,
        String cardType,
        String cardNumber,
        YearMonth expires,
        String cvv,
        boolean hasChip,
        int cardsIssued,
        BigDecimal creditLimit,
        YearMonth accountOpened,
        int pinLastChanged,
        boolean onDarkWeb) {

    public String cardId() {
        return cardId(customerId, cardIndex);
    }

    public static String cardId(String customerId, int cardIndex) {
        return customerId + ":" + cardIndex;
    }

    /** Never the card number, CVV, expiry or owner: a record printed in a log or an exception must not leak them. */
    @Override
    public String toString() {
        return "Card[cardIndex=" + cardIndex + ", brand=" + brand + ", cardType=" + cardType
                + ", customerId, cardNumber, expires, cvv, accountOpened redacted]";
    }
}
