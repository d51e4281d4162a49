package io.cdp.features.velocity;

import io.cdp.features.window.ApplyOutcome;
import io.cdp.features.window.EventWindow;
import org.jspecify.annotations.Nullable;

/**
 * The velocity state of one card, stored between events (a DynamoDB item keyed by card token: the card token is the
 * transactions' partition key, so one consumer owns it). Holds at most one week plus the allowed lateness of events.
 */
public final class CardVelocityState {

    /** A card with more than this many transactions in a week is a bot, not a customer; beyond it, oldest go first. */
    public static final int DEFAULT_MAX_EVENTS = 5_000;

    private final EventWindow window;

    public CardVelocityState(long allowedLatenessMillis) {
        this(new EventWindow(VelocityFeatures.WINDOW_1W_MILLIS, allowedLatenessMillis, DEFAULT_MAX_EVENTS));
    }

    public CardVelocityState(EventWindow window) {
        this.window = window;
    }

    public record Result(ApplyOutcome outcome, double @Nullable [] features) {}

    /**
     * Features of the event from the card's earlier events, then the event joins the state. A redelivery returns the
     * same features again (the state still holds what preceded it) and changes nothing.
     */
    public Result apply(VelocityEvent e) {
        ApplyOutcome outcome = window.add(
                e.eventTimeMillis(), e.transactionId(), EventWindow.toUnits(e.amount()), EventWindow.LABEL_UNKNOWN);
        if (outcome == ApplyOutcome.TOO_LATE) {
            return new Result(outcome, null);
        }
        long t = e.eventTimeMillis();
        int end = window.endIndexExclusive(t, e.transactionId());
        int start10 = Math.min(end, window.firstAfter(t - VelocityFeatures.WINDOW_10M_MILLIS));
        int start1w = Math.min(end, window.firstAfter(t - VelocityFeatures.WINDOW_1W_MILLIS));
        return new Result(
                outcome,
                VelocityFeatures.ratios(
                        end - start10,
                        window.sumAmountUnits(start10, end),
                        end - start1w,
                        window.sumAmountUnits(start1w, end),
                        e.amount()));
    }

    public EventWindow window() {
        return window;
    }
}
