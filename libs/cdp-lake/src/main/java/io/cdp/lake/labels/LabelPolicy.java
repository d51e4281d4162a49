package io.cdp.lake.labels;

import java.time.Duration;
import java.time.Instant;

/**
 * When silence becomes a label.
 *
 * @param labelDelay how long after a transaction an unanswered alert or an unalerted transaction is taken as genuine
 *                   (the Fraud-Detection-Handbook's 7 days by default): earlier, a fraud may still be reported
 */
public record LabelPolicy(Duration labelDelay) {

    public static final LabelPolicy DEFAULT = new LabelPolicy(Duration.ofDays(7));

    public LabelPolicy {
        if (labelDelay.isNegative()) {
            throw new IllegalArgumentException("the label delay cannot be negative, was " + labelDelay);
        }
    }

    /** Transactions at or before this moment are fully labelled at {@code asOf}: each has a label, silence included. */
    public Instant fullyLabelledUntil(Instant asOf) {
        return asOf.minus(labelDelay);
    }
}
