package io.cdp.features.tabformer;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * One row of a TabFormer transactions file. {@code transactionId} is the 0-based data row (the format has none);
 * {@code zip} is null when the file leaves it empty (online and foreign merchants); {@code errors} is the raw
 * {@code Errors?} list, empty when there was none.
 */
public record TabFormerTransaction(
        long transactionId,
        int user,
        int card,
        LocalDateTime time,
        double amount,
        UseChip useChip,
        long merchantName,
        String merchantCity,
        String merchantState,
        @Nullable String zip,
        int mcc,
        String errors,
        boolean fraud) {

    public enum UseChip {
        SWIPE,
        CHIP,
        ONLINE,
        UNKNOWN
    }

    /** A card is (user, card index): card indices restart at 0 for every user. */
    public String cardKey() {
        return user + ":" + card;
    }

    /** Local wall-clock time read as UTC: the file carries no zone, and only differences and the hour are used. */
    public long eventTimeMillis() {
        return time.toEpochSecond(ZoneOffset.UTC) * 1000L;
    }
}
