package io.cdp.features.handbook;

import io.cdp.features.window.ApplyOutcome;
import io.cdp.features.window.EventWindow;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The handbook features computed incrementally, the way the stream transformer does it: one {@link EventWindow} per
 * customer (30 days of amounts) and one per terminal (37 days of labels). The windows are the storage format; this
 * class only adds the two maps that a stream processor replaces with its DynamoDB items.
 *
 * <p>Labels in the stream: a terminal window counts the label each transaction carried when applied, or the one
 * attached later through {@link #applyLabel}. A transaction whose label is still unknown when it reaches the risk
 * window (7 days later) counts as genuine: the handbook's own assumption is that every label is known after the delay.
 */
public final class HandbookOnlineState {

    /** Per-key state cap: far above any key's traffic in 37 days, it only protects memory against a runaway key. */
    public static final int DEFAULT_MAX_EVENTS = 20_000;

    private final long allowedLatenessMillis;
    private final int maxEvents;
    private final Map<Long, EventWindow> customers = new HashMap<>();
    private final Map<Long, EventWindow> terminals = new HashMap<>();

    public HandbookOnlineState(long allowedLatenessMillis) {
        this(allowedLatenessMillis, DEFAULT_MAX_EVENTS);
    }

    public HandbookOnlineState(long allowedLatenessMillis, int maxEvents) {
        this.allowedLatenessMillis = allowedLatenessMillis;
        this.maxEvents = maxEvents;
    }

    /** Features of one event, or none when the event was too late to compute them. */
    public record Result(ApplyOutcome outcome, double @Nullable [] features) {}

    public static EventWindow newCustomerWindow(long allowedLatenessMillis, int maxEvents) {
        return new EventWindow(30 * HandbookFeatures.DAY_MILLIS, allowedLatenessMillis, maxEvents);
    }

    public static EventWindow newTerminalWindow(long allowedLatenessMillis, int maxEvents) {
        return new EventWindow(
                (30 + HandbookFeatures.DELAY_DAYS) * HandbookFeatures.DAY_MILLIS, allowedLatenessMillis, maxEvents);
    }

    /**
     * Applies one transaction (with its label if known: the simulator knows it; a live stream passes {@code null}
     * and calls {@link #applyLabel} when feedback arrives) and returns its 15 features in {@link HandbookFeatures#NAMES}
     * order. A redelivery returns the features again without changing any state.
     */
    public Result apply(HandbookTransaction tx, @Nullable Boolean knownLabel) {
        EventWindow customer =
                customers.computeIfAbsent(tx.customerId(), k -> newCustomerWindow(allowedLatenessMillis, maxEvents));
        EventWindow terminal =
                terminals.computeIfAbsent(tx.terminalId(), k -> newTerminalWindow(allowedLatenessMillis, maxEvents));
        long t = tx.eventTimeMillis();
        ApplyOutcome outcome =
                customer.add(t, tx.transactionId(), EventWindow.toUnits(tx.amount()), EventWindow.LABEL_UNKNOWN);
        if (outcome == ApplyOutcome.TOO_LATE) {
            return new Result(outcome, null);
        }
        byte label = knownLabel == null
                ? EventWindow.LABEL_UNKNOWN
                : knownLabel ? EventWindow.LABEL_FRAUD : EventWindow.LABEL_GENUINE;
        // The two windows have different horizons; the customer window decides acceptance, the terminal one follows.
        terminal.add(t, tx.transactionId(), 0L, label);
        double[] row = new double[HandbookFeatures.NAMES.size()];
        row[0] = tx.amount();
        row[1] = HandbookFeatures.weekend(tx.txDatetime());
        row[2] = HandbookFeatures.night(tx.txDatetime());
        customerFeatures(customer, t, tx.transactionId(), row);
        terminalFeatures(terminal, t, row);
        return new Result(outcome, row);
    }

    public boolean applyLabel(HandbookTransaction tx, boolean fraud) {
        EventWindow terminal = terminals.get(tx.terminalId());
        return terminal != null
                && terminal.setLabel(
                        tx.eventTimeMillis(),
                        tx.transactionId(),
                        fraud ? EventWindow.LABEL_FRAUD : EventWindow.LABEL_GENUINE);
    }

    /** Customer count and average over {@code (t - N days, t]} up to and including the event itself. */
    public static void customerFeatures(EventWindow customer, long t, long id, double[] row) {
        int end = customer.endIndexInclusive(t, id);
        for (int w = 0; w < HandbookFeatures.WINDOW_DAYS.length; w++) {
            int start = customer.firstAfter(t - HandbookFeatures.WINDOW_DAYS[w] * HandbookFeatures.DAY_MILLIS);
            int count = Math.max(0, end - start);
            long sum = count == 0 ? 0 : customer.sumAmountUnits(start, end);
            row[HandbookFeatures.CUSTOMER_OFFSET + 2 * w] = count;
            row[HandbookFeatures.CUSTOMER_OFFSET + 2 * w + 1] = HandbookFeatures.average(sum, count);
        }
    }

    /** Terminal count and risk over {@code (t - 7 - N days, t - 7 days]}. */
    public static void terminalFeatures(EventWindow terminal, long t, double[] row) {
        long delayed = t - HandbookFeatures.DELAY_DAYS * HandbookFeatures.DAY_MILLIS;
        int end = terminal.firstAfter(delayed);
        for (int w = 0; w < HandbookFeatures.WINDOW_DAYS.length; w++) {
            int start = terminal.firstAfter(delayed - HandbookFeatures.WINDOW_DAYS[w] * HandbookFeatures.DAY_MILLIS);
            int count = Math.max(0, end - start);
            int frauds = count == 0 ? 0 : terminal.countLabel(start, end, EventWindow.LABEL_FRAUD);
            row[HandbookFeatures.TERMINAL_OFFSET + 2 * w] = count;
            row[HandbookFeatures.TERMINAL_OFFSET + 2 * w + 1] = HandbookFeatures.risk(frauds, count);
        }
    }

    public @Nullable EventWindow customerWindow(long customerId) {
        return customers.get(customerId);
    }

    public @Nullable EventWindow terminalWindow(long terminalId) {
        return terminals.get(terminalId);
    }
}
