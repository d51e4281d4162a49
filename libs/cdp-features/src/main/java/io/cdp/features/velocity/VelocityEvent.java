package io.cdp.features.velocity;

/** The only inputs velocity needs: whose card, when, which transaction, how much (negative for refunds). */
public record VelocityEvent(String cardKey, long eventTimeMillis, long transactionId, double amount) {}
