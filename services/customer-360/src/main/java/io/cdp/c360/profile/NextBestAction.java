package io.cdp.c360.profile;

/** What the bank should do next with this customer, and why (alerting's campaigns act on it). */
public record NextBestAction(Action action, String reason) {

    public enum Action {
        NONE,
        RETENTION_OFFER,
        LOYALTY_REWARD,
        REACTIVATION_OFFER,
        CROSS_SELL
    }
}
