package io.cdp.transformer.features;

import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.features.online.TransactionIds;
import io.cdp.features.velocity.VelocityFeatures;
import io.cdp.features.window.ApplyOutcome;
import io.cdp.features.window.EventWindow;

/**
 * A customer's transactions of the last week across all their cards. Unlike a card, a customer's events come from
 * several shards (one per card), so they can arrive out of event-time order, by as much as one shard lags another (a whole backlog after an
 * outage or a replay of history): the window takes a day of lateness and merges a late event at its place, so the
 * stored state equals the batch state over the same history.
 */
public final class CustomerState {

    public static final long ALLOWED_LATENESS_MILLIS = 86_400_000L;
    /** The {@code stateFormat} attribute of a customer item. */
    public static final String FORMAT_NAME = "customer-state/1";

    private static final int MAX_EVENTS = 20_000;

    private final EventWindow window;

    private CustomerState(EventWindow window) {
        this.window = window;
    }

    public static CustomerState empty() {
        return new CustomerState(
                new EventWindow(VelocityFeatures.WINDOW_1W_MILLIS, ALLOWED_LATENESS_MILLIS, MAX_EVENTS));
    }

    public ApplyOutcome apply(TransactionRecordedV1 tx) {
        return window.add(
                tx.transactionTime().toEpochMilli(),
                TransactionIds.of(tx.transactionId()),
                EventWindow.toUnits(tx.amount().doubleValue()),
                EventWindow.LABEL_UNKNOWN);
    }

    /** Transactions in the week up to and including the customer's newest one. */
    public int countLastWeek() {
        if (!window.anyApplied()) {
            return 0;
        }
        return window.size() - window.firstAfter(window.lastAppliedTime() - VelocityFeatures.WINDOW_1W_MILLIS);
    }

    /** Sum of amounts over the same week, in currency units. */
    public double amountLastWeek() {
        if (!window.anyApplied()) {
            return 0.0;
        }
        int start = window.firstAfter(window.lastAppliedTime() - VelocityFeatures.WINDOW_1W_MILLIS);
        return EventWindow.fromUnits(window.sumAmountUnits(start, window.size()));
    }

    public EventWindow window() {
        return window;
    }

    public byte[] toBytes() {
        return window.toBytes();
    }

    public static CustomerState fromBytes(byte[] data) {
        return new CustomerState(EventWindow.fromBytes(data));
    }
}
