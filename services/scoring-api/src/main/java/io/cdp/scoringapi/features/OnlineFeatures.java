package io.cdp.scoringapi.features;

import io.cdp.features.schema.FeatureSchema;
import io.cdp.features.tabformer.CardHistoryState;
import io.cdp.features.tabformer.TabFormerContext;
import io.cdp.features.tabformer.TabFormerFeatures;
import io.cdp.features.tabformer.TabFormerTransaction;
import io.cdp.features.velocity.CardVelocityState;
import io.cdp.features.velocity.VelocityEvent;
import io.cdp.features.window.ApplyOutcome;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The vector the online fraud model sees: the amount, the card-velocity family and the TabFormer signals, computed
 * by the feature library's incremental state classes (the same code the stream transformer runs), so serving
 * and training cannot drift apart. Plain Java: the trainer of the local profile builds its rows with it too.
 */
public final class OnlineFeatures {

    public static final FeatureSchema SCHEMA;

    static {
        List<String> names = new ArrayList<>();
        names.add("amount");
        names.addAll(io.cdp.features.velocity.VelocityFeatures.NAMES);
        names.addAll(TabFormerFeatures.NAMES);
        SCHEMA = new FeatureSchema("scoring-online", 1, names);
    }

    private static final int VELOCITY_AT = 1;
    private static final int TABFORMER_AT = 1 + io.cdp.features.velocity.VelocityFeatures.NAMES.size();
    private static final int SINCE_LAST = TabFormerFeatures.SCHEMA.indexOf("seconds_since_card_last_tx");
    private static final int FIRST_TX = TabFormerFeatures.SCHEMA.indexOf("card_first_tx");
    private static final int FIRST_MERCHANT = TabFormerFeatures.SCHEMA.indexOf("first_time_at_merchant");
    /** No MCC risk table or home locations online yet: those features say "unknown" explicitly. */
    private static final TabFormerContext CONTEXT = TabFormerContext.withoutLabelsOrGeography();

    private OnlineFeatures() {
    }

    /**
     * The features of {@code tx} from the card's state, and the state with {@code tx} applied.
     *
     * @param changed  whether the new state differs (false for a redelivered transaction)
     * @param tooLate  the transaction is older than the card's window accepts: no point-in-time features exist
     */
    public record Computed(double @Nullable [] values, CardState next, boolean changed, boolean coldStart,
                           boolean tooLate) {
    }

    public static Computed compute(CardState state, TransactionInput tx) {
        long t = tx.time().toEpochMilli();
        long id = id(tx.transactionId());
        CardVelocityState velocity = state.velocity();
        CardVelocityState.Result v = velocity.apply(new VelocityEvent(tx.cardToken(), t, id, tx.amount()));
        if (v.outcome() == ApplyOutcome.TOO_LATE || v.features() == null) {
            return new Computed(null, state, false, state.coldStart(), true);
        }
        CardHistoryState history = state.history();
        TabFormerTransaction tf = tabFormer(tx, id);
        CardHistoryState.Result h = history.apply(tf, CONTEXT);
        double[] tab = h.features();
        if (tab == null) {
            // Older than or equal to the card's last use (a redelivery, or an event within the velocity lateness):
            // the history state keeps "last event" facts only, so derive the history features from it directly.
            tab = TabFormerFeatures.stateless(tf, CONTEXT);
            var snapshot = state.historySnapshot();
            tab[SINCE_LAST] = snapshot.anyApplied() ? Math.max(0, (t - snapshot.lastTime()) / 1000.0) : TabFormerFeatures.UNKNOWN;
            tab[FIRST_TX] = snapshot.anyApplied() ? 0 : 1;
            tab[FIRST_MERCHANT] = contains(snapshot.merchantsOldestFirst(), tf.merchantName()) ? 0 : 1;
        }
        double[] values = new double[SCHEMA.size()];
        values[0] = tx.amount();
        System.arraycopy(v.features(), 0, values, VELOCITY_AT, v.features().length);
        System.arraycopy(tab, 0, values, TABFORMER_AT, tab.length);
        boolean changed = v.outcome().changedState() || h.outcome().changedState();
        CardState next = changed
                ? new CardState(velocity.window().snapshot(), history.snapshot(), state.version() + 1)
                : state;
        return new Computed(values, next, changed, state.coldStart(), false);
    }

    /** A stable 63-bit id of the caller's transaction id (FNV-1a), which is what the state classes key on. */
    public static long id(String value) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            hash ^= value.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash & Long.MAX_VALUE;
    }

    private static TabFormerTransaction tabFormer(TransactionInput tx, long id) {
        TabFormerTransaction.UseChip use = switch (tx.channel()) {
            case CHIP -> TabFormerTransaction.UseChip.CHIP;
            case SWIPE -> TabFormerTransaction.UseChip.SWIPE;
            case ONLINE -> TabFormerTransaction.UseChip.ONLINE;
        };
        return new TabFormerTransaction(id, 0, 0, LocalDateTime.ofInstant(tx.time(), ZoneOffset.UTC), tx.amount(), use,
                id(tx.merchantId()), "", tx.merchantState() == null ? "" : tx.merchantState(), tx.merchantZip(),
                tx.mcc(), String.join(",", tx.errors()), false);
    }

    private static boolean contains(long[] values, long v) {
        for (long x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
