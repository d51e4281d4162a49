package io.cdp.lake.labels;

import java.time.Instant;

/**
 * The training label of a transaction as known at some moment.
 *
 * @param knownAt when the label became known: the evidence's time, or the transaction time plus the label delay for a
 *                label that silence gave
 */
public record Label(String transactionId, boolean fraud, Source source, Instant knownAt) {

    public enum Source {
        CUSTOMER_CONFIRMED,
        CUSTOMER_DENIED,
        CHARGEBACK,
        /** Nobody disputed it within the label delay: taken as genuine (alerted and unanswered, or never alerted). */
        LABEL_DELAY
    }
}
