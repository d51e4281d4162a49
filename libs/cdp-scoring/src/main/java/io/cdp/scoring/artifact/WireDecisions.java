package io.cdp.scoring.artifact;

import io.cdp.events.payload.Decision;

/**
 * A model's action as the wire contract and the API say it. An alert is a review that also tells the customer: the
 * decision stays the analyst's view, whether the customer is told is the alert flag beside it.
 */
public final class WireDecisions {

    private WireDecisions() {}

    public static Decision of(Thresholds.Decision action) {
        return switch (action) {
            case APPROVE -> Decision.APPROVE;
            case REVIEW, ALERT -> Decision.REVIEW;
            case DECLINE -> Decision.DECLINE;
        };
    }
}
