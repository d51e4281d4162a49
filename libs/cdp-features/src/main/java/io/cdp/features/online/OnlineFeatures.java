package io.cdp.features.online;

import io.cdp.features.schema.FeatureSchema;
import io.cdp.features.tabformer.TabFormerContext;
import io.cdp.features.tabformer.TabFormerFeatures;
import io.cdp.features.tabformer.TabFormerTransaction;
import io.cdp.features.velocity.VelocityEvent;
import io.cdp.features.velocity.VelocityFeatures;
import io.cdp.features.window.ApplyOutcome;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The vector the online card model sees, names and order: card velocity followed by the TabFormer signals, both
 * families of this library. Computed two ways with identical values: {@link #compute} from a card's stored state one
 * transaction at a time (the stream transformer, the scoring API) and {@link #batch} over a history (training).
 */
public final class OnlineFeatures {

    public static final FeatureSchema SCHEMA = new FeatureSchema("online-card", 1, names());

    /**
     * The registry name of the model scored over {@link #SCHEMA}: the stream transformer publishes and scores it, the
     * scoring API serves it.
     */
    public static final String MODEL_NAME = "fraud-online-card";

    static final int I_SINCE_LAST = TabFormerFeatures.SCHEMA.indexOf("seconds_since_card_last_tx");
    static final int I_FIRST_TX = TabFormerFeatures.SCHEMA.indexOf("card_first_tx");
    static final int I_FIRST_MERCHANT = TabFormerFeatures.SCHEMA.indexOf("first_time_at_merchant");

    private OnlineFeatures() {}

    private static List<String> names() {
        List<String> names = new ArrayList<>(VelocityFeatures.NAMES);
        names.addAll(TabFormerFeatures.NAMES);
        return names;
    }

    /**
     * The features of {@code tx} as a card with {@code state} sees it, and the state with {@code tx} applied.
     *
     * @param outcome what applying did: {@link ApplyOutcome#DUPLICATE} for a redelivery (same features again,
     *                {@code next} unchanged), {@link ApplyOutcome#TOO_LATE} when no point-in-time features exist
     * @param values  {@link #SCHEMA} order; null when too late
     * @param next    a new state; {@code state} itself is never changed (a cache may share it between threads)
     */
    public record Computed(ApplyOutcome outcome, double @Nullable [] values, CardOnlineState next) {

        public boolean tooLate() {
            return values == null;
        }

        public boolean changedState() {
            return outcome.changedState();
        }
    }

    /** Applies {@code tx} to a copy of {@code state}: the features the stream emits for it, whichever process asks. */
    public static Computed compute(CardOnlineState state, OnlineTransaction tx, TabFormerContext ctx) {
        CardOnlineState next = state.copy();
        CardOnlineState.Result r = next.apply(tx, ctx);
        return new Computed(r.outcome(), r.features(), r.outcome().changedState() ? next : state);
    }

    /**
     * Batch path: one row per transaction of the history, in input order, each from the card's earlier transactions
     * only. The same numbers {@link #compute} produces one event at a time (equal times keep input order).
     */
    public static double[][] batch(List<OnlineTransaction> history, TabFormerContext ctx) {
        double[][] velocity = VelocityFeatures.compute(
                history.stream().map(OnlineFeatures::velocityEvent).toList());
        double[][] tabformer = TabFormerFeatures.compute(
                history.stream().map(OnlineFeatures::tabFormer).toList(), ctx);
        double[][] rows = new double[history.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = concat(velocity[i], tabformer[i]);
        }
        return rows;
    }

    /** The velocity input of a transaction: keyed on the card, ids and amounts as the windows hold them. */
    public static VelocityEvent velocityEvent(OnlineTransaction tx) {
        return new VelocityEvent(
                tx.cardToken(), tx.time().toEpochMilli(), TransactionIds.of(tx.transactionId()), tx.amount());
    }

    /**
     * The TabFormer record of a transaction. Tokens stand in for TabFormer's user and card numbers (hashed to ints),
     * the merchant id is hashed to the long TabFormer uses. Time is read in UTC, so hour-of-day and gaps agree
     * whichever zone a process runs in.
     */
    public static TabFormerTransaction tabFormer(OnlineTransaction tx) {
        LocalDateTime time = LocalDateTime.ofInstant(tx.time(), ZoneOffset.UTC);
        return new TabFormerTransaction(
                TransactionIds.of(tx.transactionId()),
                tx.customerToken() == null ? 0 : TransactionIds.code(tx.customerToken()),
                TransactionIds.code(tx.cardToken()),
                time,
                tx.amount(),
                tx.channel(),
                TransactionIds.of("merchant:" + tx.merchantId()),
                tx.merchantCity() == null ? "" : tx.merchantCity(),
                tx.merchantState() == null ? "" : tx.merchantState(),
                tx.merchantZip(),
                tx.mcc(),
                String.join(",", tx.errors()),
                tx.fraudLabel());
    }

    static double[] concat(double[] velocity, double[] tabformer) {
        double[] row = new double[velocity.length + tabformer.length];
        System.arraycopy(velocity, 0, row, 0, velocity.length);
        System.arraycopy(tabformer, 0, row, velocity.length, tabformer.length);
        return row;
    }
}
