package io.cdp.features.velocity;

import io.cdp.features.schema.FeatureSchema;
import io.cdp.features.window.EventWindow;
import java.util.Arrays;
import java.util.List;

/**
 * Card velocity after the aws-samples "amazon-sagemaker-feature-store-streaming-aggregation" sample: count and average
 * amount over 10 minutes and 1 week, and three ratios. Two deliberate differences from the sample:
 * <ul>
 *   <li>Windows hold only the card's earlier transactions, {@code (t - w, t]} ordered before this one: a feature must
 *       not describe the transaction it scores (point-in-time).</li>
 *   <li>The sample's ratios silently become 0 when a window is empty, which a model reads as "far below normal".
 *       Here an undefined ratio takes a neutral value and a flag says why (see {@link #ratios}).</li>
 * </ul>
 */
public final class VelocityFeatures {

    public static final long WINDOW_10M_MILLIS = 10 * 60_000L;
    public static final long WINDOW_1W_MILLIS = 7 * 86_400_000L;

    public static final List<String> NAMES = List.of(
            "count_10m",
            "avg_amt_10m",
            "count_1w",
            "avg_amt_1w",
            "ratio_avg_amt_10m_1w",
            "ratio_amt_avg_1w",
            "ratio_count_10m_1w",
            "cold_start_1w",
            "window_empty_10m",
            "avg_amt_1w_not_positive");
    public static final FeatureSchema SCHEMA = new FeatureSchema("velocity", 1, NAMES);

    /** Neutral value of an amount ratio whose denominator is undefined: "as usual", never "far below". */
    public static final double NEUTRAL_AMOUNT_RATIO = 1.0;

    private VelocityFeatures() {}

    /**
     * The one place the vector is derived from window aggregates, used by the batch and the incremental path.
     * Rules when a window is empty or its average is not positive (refunds can make it so):
     * <ul>
     *   <li>{@code avg_amt_*} = 0 for an empty window, flagged by {@code cold_start_1w} / {@code window_empty_10m}.</li>
     *   <li>{@code ratio_avg_amt_10m_1w} = 1.0 unless both windows have events and {@code avg_amt_1w > 0}.</li>
     *   <li>{@code ratio_amt_avg_1w} = 1.0 unless the week has events and {@code avg_amt_1w > 0}.</li>
     *   <li>{@code ratio_count_10m_1w} = 0.0 when the week is empty: no earlier transaction is in the last 10 minutes
     *       either, and 0 is the value the ratio takes for every card without a recent burst.</li>
     * </ul>
     */
    public static double[] ratios(int count10m, long sum10mUnits, int count1w, long sum1wUnits, double amount) {
        double avg10m = count10m == 0 ? 0.0 : EventWindow.fromUnits(sum10mUnits) / count10m;
        double avg1w = count1w == 0 ? 0.0 : EventWindow.fromUnits(sum1wUnits) / count1w;
        boolean coldStart = count1w == 0;
        boolean empty10m = count10m == 0;
        boolean avgNotPositive = !coldStart && avg1w <= 0.0;
        boolean weekUsable = !coldStart && !avgNotPositive;
        double ratioAvg = weekUsable && !empty10m ? avg10m / avg1w : NEUTRAL_AMOUNT_RATIO;
        double ratioAmt = weekUsable ? amount / avg1w : NEUTRAL_AMOUNT_RATIO;
        double ratioCount = coldStart ? 0.0 : (double) count10m / count1w;
        return new double[] {
            count10m,
            avg10m,
            count1w,
            avg1w,
            ratioAvg,
            ratioAmt,
            ratioCount,
            coldStart ? 1 : 0,
            empty10m ? 1 : 0,
            avgNotPositive ? 1 : 0
        };
    }

    /**
     * Batch: one row per event, in input order, each from the card's earlier events only. Equal event times keep
     * input order (the stream's arrival order). Independent of {@link CardVelocityState}: sort, then two pointers.
     */
    public static double[][] compute(List<VelocityEvent> events) {
        int n = events.size();
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> {
            int c = events.get(a).cardKey().compareTo(events.get(b).cardKey());
            return c != 0
                    ? c
                    : Long.compare(
                            events.get(a).eventTimeMillis(), events.get(b).eventTimeMillis());
        });
        double[][] rows = new double[n][];
        int g = 0;
        while (g < n) {
            String card = events.get(boxed[g]).cardKey();
            int end = g;
            while (end < n && events.get(boxed[end]).cardKey().equals(card)) {
                end++;
            }
            int start10 = g;
            int start1w = g;
            long sum10 = 0;
            long sum1w = 0;
            for (int p = g; p < end; p++) {
                VelocityEvent e = events.get(boxed[p]);
                long t = e.eventTimeMillis();
                while (start10 < p && events.get(boxed[start10]).eventTimeMillis() <= t - WINDOW_10M_MILLIS) {
                    sum10 -= EventWindow.toUnits(events.get(boxed[start10]).amount());
                    start10++;
                }
                while (start1w < p && events.get(boxed[start1w]).eventTimeMillis() <= t - WINDOW_1W_MILLIS) {
                    sum1w -= EventWindow.toUnits(events.get(boxed[start1w]).amount());
                    start1w++;
                }
                rows[boxed[p]] = ratios(p - start10, sum10, p - start1w, sum1w, e.amount());
                long u = EventWindow.toUnits(e.amount());
                sum10 += u;
                sum1w += u;
            }
            g = end;
        }
        return rows;
    }
}
