package io.cdp.trainer.handbook;

import io.cdp.features.handbook.HandbookFeatures;
import io.cdp.features.handbook.HandbookTransaction;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The handbook's 15 inputs (from libs/cdp-features, unchanged) plus card-velocity signals computed from the same
 * raw columns, each using only the card's own transactions up to and including the current one (no labels at all,
 * so no delay is needed):
 * <ul>
 *   <li>{@code AMOUNT_TO_CUSTOMER_AVG_7D/30D}, {@code CUSTOMER_AVG_1D_TO_AVG_30D}: amount ratios; a ratio is a split
 *       trees cannot build from two columns;</li>
 *   <li>{@code CUSTOMER_BASELINE_*}: the card's spending in (t - 30 days, t - 7 days], a baseline that a recent
 *       compromise has not yet contaminated, and the amount against it (ratio and z-score);</li>
 *   <li>{@code CUSTOMER_MAX_BASELINE_RATIO_1D/7D}, {@code CUSTOMER_NB_HIGH_BASELINE_RATIO_7D}: how abnormal the card
 *       has been lately; once a card starts behaving abnormally every later transaction of it is suspect, and Card
 *       Precision ranks cards, not transactions;</li>
 *   <li>{@code SECONDS_SINCE_PREVIOUS_TX}: the gap to the card's previous transaction.</li>
 * </ul>
 */
public final class ExtendedFeatures implements FeatureSet {

    static final double HIGH_RATIO = 2.0;
    private static final long DAY = 86_400;
    private static final List<String> EXTRA = List.of(
            "AMOUNT_TO_CUSTOMER_AVG_7D",
            "AMOUNT_TO_CUSTOMER_AVG_30D",
            "CUSTOMER_AVG_1D_TO_AVG_30D",
            "CUSTOMER_BASELINE_AVG_AMOUNT",
            "AMOUNT_TO_CUSTOMER_BASELINE",
            "AMOUNT_CUSTOMER_BASELINE_ZSCORE",
            "CUSTOMER_MAX_BASELINE_RATIO_1D",
            "CUSTOMER_MAX_BASELINE_RATIO_7D",
            "CUSTOMER_NB_HIGH_BASELINE_RATIO_7D",
            "SECONDS_SINCE_PREVIOUS_TX");
    private static final List<String> NAMES;

    static {
        List<String> names = new ArrayList<>(HandbookFeatures.NAMES);
        names.addAll(EXTRA);
        NAMES = List.copyOf(names);
    }

    private final int amount = HandbookFeatures.NAMES.indexOf("TX_AMOUNT");
    private final int avg1 = HandbookFeatures.NAMES.indexOf("CUSTOMER_ID_AVG_AMOUNT_1DAY_WINDOW");
    private final int avg7 = HandbookFeatures.NAMES.indexOf("CUSTOMER_ID_AVG_AMOUNT_7DAY_WINDOW");
    private final int avg30 = HandbookFeatures.NAMES.indexOf("CUSTOMER_ID_AVG_AMOUNT_30DAY_WINDOW");

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public double[][] compute(List<HandbookTransaction> txs) {
        double[][] base = HandbookFeatures.compute(txs);
        int n = txs.size();
        int w = HandbookFeatures.NAMES.size();
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] row = Arrays.copyOf(base[i], NAMES.size());
            row[w] = ratio(row[amount], row[avg7]);
            row[w + 1] = ratio(row[amount], row[avg30]);
            row[w + 2] = ratio(row[avg1], row[avg30]);
            out[i] = row;
        }
        long[] seconds = new long[n];
        Map<Long, List<Integer>> byCustomer = new HashMap<>();
        for (int i = 0; i < n; i++) {
            seconds[i] = txs.get(i).txDatetime().toEpochSecond(ZoneOffset.UTC);
            byCustomer
                    .computeIfAbsent(txs.get(i).customerId(), c -> new ArrayList<>())
                    .add(i);
        }
        double[] baselineRatio = new double[n];
        for (List<Integer> card : byCustomer.values()) {
            // time order, ties in input order (the order the handbook's windows use)
            card.sort(
                    (a, b) -> seconds[a] != seconds[b] ? Long.compare(seconds[a], seconds[b]) : Integer.compare(a, b));
            // baseline window (t - 30 d, t - 7 d]: [lo, hi) over the sorted card, with running sums
            int lo = 0;
            int hi = 0;
            double sum = 0;
            double sumSq = 0;
            for (int k = 0; k < card.size(); k++) {
                int i = card.get(k);
                long t = seconds[i];
                while (hi < k && seconds[card.get(hi)] <= t - 7 * DAY) {
                    double a = out[card.get(hi)][amount];
                    sum += a;
                    sumSq += a * a;
                    hi++;
                }
                while (lo < hi && seconds[card.get(lo)] <= t - 30 * DAY) {
                    double a = out[card.get(lo)][amount];
                    sum -= a;
                    sumSq -= a * a;
                    lo++;
                }
                int count = hi - lo;
                double mean = count == 0 ? Double.NaN : sum / count;
                double sd =
                        count < 2 ? Double.NaN : Math.sqrt(Math.max(0, (sumSq - count * mean * mean) / (count - 1)));
                double amt = out[i][amount];
                out[i][w + 3] = mean;
                out[i][w + 4] = ratio(amt, mean);
                out[i][w + 5] = sd > 0 ? (amt - mean) / sd : Double.NaN;
                baselineRatio[i] = Double.isNaN(out[i][w + 4]) ? 0 : out[i][w + 4];
            }
            int day = 0;
            int week = 0;
            for (int k = 0; k < card.size(); k++) {
                int i = card.get(k);
                while (seconds[card.get(day)] <= seconds[i] - DAY) {
                    day++;
                }
                while (seconds[card.get(week)] <= seconds[i] - 7 * DAY) {
                    week++;
                }
                double maxDay = 0;
                double maxWeek = 0;
                int high = 0;
                for (int j = week; j <= k; j++) {
                    double r = baselineRatio[card.get(j)];
                    maxWeek = Math.max(maxWeek, r);
                    high += r > HIGH_RATIO ? 1 : 0;
                    if (j >= day) {
                        maxDay = Math.max(maxDay, r);
                    }
                }
                out[i][w + 6] = maxDay;
                out[i][w + 7] = maxWeek;
                out[i][w + 8] = high;
                out[i][w + 9] = k == 0 ? Double.NaN : seconds[i] - seconds[card.get(k - 1)];
            }
        }
        return out;
    }

    private static double ratio(double numerator, double denominator) {
        return denominator > 0 ? numerator / denominator : Double.NaN;
    }
}
