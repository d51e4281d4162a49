package io.cdp.transformer.features;

import io.cdp.events.payload.Channel;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.features.schema.FeatureSchema;
import io.cdp.features.tabformer.TabFormerContext;
import io.cdp.features.tabformer.TabFormerFeatures;
import io.cdp.features.tabformer.TabFormerTransaction;
import io.cdp.features.velocity.VelocityEvent;
import io.cdp.features.velocity.VelocityFeatures;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The feature vector the stream scores with: card velocity followed by the TabFormer signals, both from
 * libs/cdp-features. This class only maps the wire payload onto the inputs those families take and offers the
 * batch computation over a history, which training and the parity checks use; no feature is defined here.
 */
public final class StreamFeatures {

    public static final FeatureSchema SCHEMA = new FeatureSchema("stream-card", 1, names());

    static final int VELOCITY_SIZE = VelocityFeatures.NAMES.size();
    static final int I_SINCE_LAST = TabFormerFeatures.SCHEMA.indexOf("seconds_since_card_last_tx");
    static final int I_FIRST_TX = TabFormerFeatures.SCHEMA.indexOf("card_first_tx");
    static final int I_FIRST_MERCHANT = TabFormerFeatures.SCHEMA.indexOf("first_time_at_merchant");

    private StreamFeatures() {
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>(VelocityFeatures.NAMES);
        names.addAll(TabFormerFeatures.NAMES);
        return names;
    }

    public static long eventTimeMillis(TransactionRecordedV1 tx) {
        return tx.transactionTime().toEpochMilli();
    }

    public static VelocityEvent velocityEvent(TransactionRecordedV1 tx, String key) {
        return new VelocityEvent(key, eventTimeMillis(tx), TransactionIds.of(tx.transactionId()), tx.amount().doubleValue());
    }

    /**
     * The TabFormer record of a wire transaction. Tokens stand in for TabFormer's user and card numbers (hashed to
     * ints, unique enough per customer), the merchant id is hashed to the long TabFormer uses. Time is read in UTC,
     * as the batch side does, so hour-of-day and gaps agree whichever zone a process runs in.
     */
    public static TabFormerTransaction tabFormer(TransactionRecordedV1 tx) {
        LocalDateTime time = LocalDateTime.ofInstant(tx.transactionTime(), ZoneOffset.UTC);
        return new TabFormerTransaction(TransactionIds.of(tx.transactionId()), TransactionIds.code(tx.customerToken().value()),
                TransactionIds.code(tx.cardToken().value()), time, tx.amount().doubleValue(), useChip(tx.channel()),
                TransactionIds.of("merchant:" + tx.merchantId()), tx.merchantCity() == null ? "" : tx.merchantCity(),
                tx.merchantState() == null ? "" : tx.merchantState(), tx.merchantZip(), tx.mcc(),
                String.join(",", tx.errors()), Boolean.TRUE.equals(tx.fraudLabel()));
    }

    static TabFormerTransaction.UseChip useChip(Channel channel) {
        return switch (channel) {
            case CHIP -> TabFormerTransaction.UseChip.CHIP;
            case SWIPE -> TabFormerTransaction.UseChip.SWIPE;
            case ONLINE -> TabFormerTransaction.UseChip.ONLINE;
        };
    }

    /**
     * Batch path: one row per transaction of the history, in input order, each from the card's earlier transactions
     * only. The same numbers the stream produces one event at a time (equal times keep input order).
     */
    public static double[][] batch(List<TransactionRecordedV1> history, TabFormerContext ctx) {
        double[][] velocity = VelocityFeatures.compute(history.stream()
                .map(tx -> velocityEvent(tx, tx.cardToken().value())).toList());
        double[][] tabformer = TabFormerFeatures.compute(history.stream().map(StreamFeatures::tabFormer).toList(), ctx);
        double[][] rows = new double[history.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = concat(velocity[i], tabformer[i]);
        }
        return rows;
    }

    static double[] concat(double[] velocity, double[] tabformer) {
        double[] row = new double[velocity.length + tabformer.length];
        System.arraycopy(velocity, 0, row, 0, velocity.length);
        System.arraycopy(tabformer, 0, row, velocity.length, tabformer.length);
        return row;
    }
}
