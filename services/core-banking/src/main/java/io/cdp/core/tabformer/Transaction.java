package io.cdp.core.tabformer;

import io.cdp.events.payload.Channel;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A card transaction. TabFormer has no transaction id: {@link #transactionId()} is derived from the card,
 * the minute and the occurrence within that minute in file order, so loading the same file twice gives
 * the same ids (idempotent loads).
 */
public record Transaction(
        String customerId,
        int cardIndex,
        LocalDateTime time,
        int sequence,
        BigDecimal amount,
        Channel channel,
        String merchantId,
        @Nullable String merchantCity,
        @Nullable String merchantState,
        @Nullable String merchantZip,
        int mcc,
        List<String> errors,
        boolean fraud) {

    public Transaction {
        errors = List.copyOf(errors);
    }

    /** Without the customer id (the ids derived from it included): a printed transaction names nobody. */
    @Override
    public String toString() {
        return "Transaction[time=" + time + ", sequence=" + sequence + ", amount=" + amount + ", channel=" + channel
                + ", mcc=" + mcc + ", fraud=" + fraud + ", customerId and cardIndex redacted]";
    }

    public String cardId() {
        return Card.cardId(customerId, cardIndex);
    }

    /** Sort key within a card: time then occurrence, so a Query returns the card's transactions in time order. */
    public String txKey() {
        return String.format(
                "%04d-%02d-%02dT%02d:%02d#%03d",
                time.getYear(), time.getMonthValue(), time.getDayOfMonth(), time.getHour(), time.getMinute(), sequence);
    }

    public String transactionId() {
        return String.format(
                "tx-%s-%d-%04d%02d%02d%02d%02d-%d",
                customerId,
                cardIndex,
                time.getYear(),
                time.getMonthValue(),
                time.getDayOfMonth(),
                time.getHour(),
                time.getMinute(),
                sequence);
    }
}
