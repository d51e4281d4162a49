package io.cdp.features.tabformer;

import io.cdp.features.window.ApplyOutcome;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A card's history as far as TabFormer signals need it: when it was last used and which merchants it used lately.
 * Plain data (see {@link Snapshot}) for the online store. These are "last event" features, so there is no allowed
 * lateness: an event older than the last applied one is {@link ApplyOutcome#TOO_LATE}; a redelivery of an event at
 * the last applied time is {@link ApplyOutcome#DUPLICATE}.
 */
public final class CardHistoryState {

    /** Distinct merchants remembered per card, most recent first out last: about 2 KB a card. */
    public static final int MAX_MERCHANTS = 256;

    private boolean anyApplied;
    private long lastTime;
    private long[] idsAtLastTime = new long[0];
    private long[] merchants = new long[0];

    public record Snapshot(boolean anyApplied, long lastTime, long[] idsAtLastTime, long[] merchantsOldestFirst) {}

    public record Result(ApplyOutcome outcome, double @Nullable [] features) {}

    public Result apply(TabFormerTransaction tx, TabFormerContext ctx) {
        long t = tx.eventTimeMillis();
        if (anyApplied && t < lastTime) {
            return new Result(ApplyOutcome.TOO_LATE, null);
        }
        if (anyApplied && t == lastTime && contains(idsAtLastTime, tx.transactionId())) {
            return new Result(ApplyOutcome.DUPLICATE, null);
        }
        double[] row = TabFormerFeatures.stateless(tx, ctx);
        row[TabFormerFeatures.I_SINCE_LAST] = anyApplied ? (t - lastTime) / 1000.0 : TabFormerFeatures.UNKNOWN;
        row[TabFormerFeatures.I_FIRST_TX] = anyApplied ? 0 : 1;
        int at = indexOf(merchants, tx.merchantName());
        row[TabFormerFeatures.I_FIRST_MERCHANT] = at < 0 ? 1 : 0;
        touchMerchant(at, tx.merchantName());
        if (anyApplied && t == lastTime) {
            idsAtLastTime = Arrays.copyOf(idsAtLastTime, idsAtLastTime.length + 1);
            idsAtLastTime[idsAtLastTime.length - 1] = tx.transactionId();
        } else {
            idsAtLastTime = new long[] {tx.transactionId()};
        }
        anyApplied = true;
        lastTime = t;
        return new Result(ApplyOutcome.APPLIED, row);
    }

    private void touchMerchant(int at, long merchant) {
        if (at >= 0) {
            System.arraycopy(merchants, at + 1, merchants, at, merchants.length - at - 1);
            merchants[merchants.length - 1] = merchant;
            return;
        }
        if (merchants.length < MAX_MERCHANTS) {
            merchants = Arrays.copyOf(merchants, merchants.length + 1);
        } else {
            System.arraycopy(merchants, 1, merchants, 0, merchants.length - 1);
        }
        merchants[merchants.length - 1] = merchant;
    }

    private static boolean contains(long[] a, long v) {
        return indexOf(a, v) >= 0;
    }

    private static int indexOf(long[] a, long v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    public Snapshot snapshot() {
        return new Snapshot(anyApplied, lastTime, idsAtLastTime.clone(), merchants.clone());
    }

    public static CardHistoryState fromSnapshot(Snapshot s) {
        CardHistoryState c = new CardHistoryState();
        c.anyApplied = s.anyApplied();
        c.lastTime = s.lastTime();
        c.idsAtLastTime = s.idsAtLastTime().clone();
        c.merchants = s.merchantsOldestFirst().clone();
        return c;
    }
}
