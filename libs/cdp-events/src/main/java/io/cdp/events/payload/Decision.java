package io.cdp.events.payload;

/** What the fraud model's thresholds say to do with a transaction. */
public enum Decision {
    APPROVE,
    REVIEW,
    DECLINE
}
