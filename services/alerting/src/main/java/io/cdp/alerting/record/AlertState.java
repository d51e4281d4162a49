package io.cdp.alerting.record;

/** The alert's delivery state; terminal after SENT: CONFIRMED (customer made the payment), DENIED (did not), EXPIRED. */
public enum AlertState {
    REQUESTED,
    COMPOSED,
    SENT,
    CONFIRMED,
    DENIED,
    EXPIRED;

    public boolean isFinal() {
        return this == SENT || this == CONFIRMED || this == DENIED || this == EXPIRED;
    }
}
