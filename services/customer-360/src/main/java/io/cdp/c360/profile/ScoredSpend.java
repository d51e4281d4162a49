package io.cdp.c360.profile;

import io.cdp.events.payload.Channel;
import io.cdp.events.payload.Decision;
import io.cdp.events.payload.TransactionScoredV1;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** What a profile takes from one scored transaction. */
public record ScoredSpend(
        LocalDate day,
        Instant transactionTime,
        BigDecimal amount,
        int mcc,
        Channel channel,
        boolean abroad,
        double score,
        boolean alert) {

    /**
     * Days are UTC calendar days of the transaction time. {@code alert} and {@code merchantAbroad} are optional on the
     * event: before producers set them, a DECLINE stands for a raised alert and nothing counts as abroad except what the
     * {@code foreign_merchant} feature says.
     */
    public static ScoredSpend of(TransactionScoredV1 e) {
        boolean alert = e.alert() != null ? e.alert() : e.decision() == Decision.DECLINE;
        boolean abroad = e.merchantAbroad() != null
                ? e.merchantAbroad()
                : e.features().getOrDefault("foreign_merchant", 0.0) >= 0.5;
        return new ScoredSpend(
                e.transactionTime().atZone(ZoneOffset.UTC).toLocalDate(),
                e.transactionTime(),
                e.amount(),
                e.mcc(),
                e.channel(),
                abroad,
                e.score(),
                alert);
    }
}
