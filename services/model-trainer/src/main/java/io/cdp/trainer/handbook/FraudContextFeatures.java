package io.cdp.trainer.handbook;

import io.cdp.features.handbook.HandbookTransaction;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link TerminalStreakFeatures} plus columns that tell a compromised terminal from a terminal that merely saw one
 * fraud of a compromised card, and a card that keeps spending far above its own baseline.
 *
 * <p>A terminal whose latest known transaction was a fraud is only a compromised terminal if that fraud is not
 * explained by the card: a card stolen elsewhere spends far above its own baseline wherever it goes, and one such
 * transaction makes an innocent terminal look like a fraud run. So for the run of known frauds that ends at the
 * terminal's latest known transaction (labels only at or before {@code t - 7 days}, as in
 * {@link TerminalStreakFeatures}):
 * <ul>
 *   <li>{@code TERMINAL_KNOWN_RUN_NB_TX}, {@code TERMINAL_KNOWN_RUN_NB_CUSTOMERS}: its length in transactions and in
 *       distinct cards (0 when the latest known transaction is genuine or nothing is known);</li>
 *   <li>{@code TERMINAL_KNOWN_RUN_MIN_BASELINE_RATIO}, {@code TERMINAL_KNOWN_RUN_MIN_AMOUNT}: the smallest
 *       amount-to-own-baseline ratio ({@code AMOUNT_TO_CUSTOMER_BASELINE} of that transaction, NaN counted as 1) and
 *       the smallest amount among its frauds (NaN without a run): a run with an ordinary purchase in it is a terminal
 *       problem, a run of one large outlier is a card problem;</li>
 *   <li>{@code TERMINAL_NB_ORDINARY_FRAUD_28D}: known frauds in {@code (t - 35 d, t - 7 d]} whose ratio is at most
 *       {@value #ORDINARY_RATIO} (ordinary for their card).</li>
 * </ul>
 * and for the card itself (no labels, its own transactions up to and including the current one):
 * <ul>
 *   <li>{@code CUSTOMER_NB_RATIO_ABOVE_3_1D/3D}, {@code CUSTOMER_SHARE_RATIO_ABOVE_3_7D}: how many / which share of
 *       its transactions in the last 1, 3, 7 days were above {@value #HIGH_RATIO} times its baseline;</li>
 *   <li>{@code AMOUNT_TO_CUSTOMER_MEDIAN_BASELINE}: the amount over the median of its amounts in
 *       {@code (t - 30 d, t - 7 d]} (robust to a few outliers in the baseline).</li>
 * </ul>
 * Eval-only (model selection in {@code ./cdp eval handbook}).
 */
public final class FraudContextFeatures implements FeatureSet {

    static final long DAY = 86_400;
    static final double ORDINARY_RATIO = 2.5;
    static final double HIGH_RATIO = 3.0;
    static final List<String> EXTRA = List.of(
            "TERMINAL_KNOWN_RUN_NB_TX",
            "TERMINAL_KNOWN_RUN_NB_CUSTOMERS",
            "TERMINAL_KNOWN_RUN_MIN_BASELINE_RATIO",
            "TERMINAL_KNOWN_RUN_MIN_AMOUNT",
            "TERMINAL_NB_ORDINARY_FRAUD_28D",
            "CUSTOMER_NB_RATIO_ABOVE_3_1D",
            "CUSTOMER_NB_RATIO_ABOVE_3_3D",
            "CUSTOMER_SHARE_RATIO_ABOVE_3_7D",
            "AMOUNT_TO_CUSTOMER_MEDIAN_BASELINE");
    private static final List<String> BASE = new TerminalStreakFeatures().names();
    private static final List<String> NAMES;

    static {
        List<String> names = new ArrayList<>(BASE);
        names.addAll(EXTRA);
        NAMES = List.copyOf(names);
    }

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public double[][] compute(List<HandbookTransaction> txs) {
        double[][] base = new TerminalStreakFeatures().compute(txs);
        int n = txs.size();
        int ratioColumn = BASE.indexOf("AMOUNT_TO_CUSTOMER_BASELINE");
        double[] ratio = new double[n];
        for (int i = 0; i < n; i++) {
            ratio[i] = base[i][ratioColumn];
        }
        double[][] extra = extraColumns(txs, ratio);
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.copyOf(base[i], NAMES.size());
            System.arraycopy(extra[i], 0, out[i], BASE.size(), EXTRA.size());
        }
        return out;
    }

    /**
     * The extra columns for every transaction in input order, given each transaction's amount-to-own-baseline ratio
     * (NaN when the card has no baseline yet).
     */
    static double[][] extraColumns(List<HandbookTransaction> txs, double[] ratio) {
        int n = txs.size();
        long[] seconds = new long[n];
        Map<Long, List<Integer>> byTerminal = new HashMap<>();
        Map<Long, List<Integer>> byCustomer = new HashMap<>();
        for (int i = 0; i < n; i++) {
            HandbookTransaction tx = txs.get(i);
            seconds[i] = tx.txDatetime().toEpochSecond(ZoneOffset.UTC);
            byTerminal.computeIfAbsent(tx.terminalId(), c -> new ArrayList<>()).add(i);
            byCustomer.computeIfAbsent(tx.customerId(), c -> new ArrayList<>()).add(i);
        }
        double[][] out = new double[n][EXTRA.size()];
        for (List<Integer> term : byTerminal.values()) {
            sortByTime(term, seconds);
            terminal(txs, ratio, seconds, term, out);
        }
        for (List<Integer> card : byCustomer.values()) {
            sortByTime(card, seconds);
            customer(txs, ratio, seconds, card, out);
        }
        return out;
    }

    private static void sortByTime(List<Integer> idx, long[] seconds) {
        idx.sort((a, b) -> seconds[a] != seconds[b] ? Long.compare(seconds[a], seconds[b]) : Integer.compare(a, b));
    }

    private static double ratioOrOne(double r) {
        return Double.isNaN(r) ? 1.0 : r;
    }

    private static void terminal(
            List<HandbookTransaction> txs, double[] ratio, long[] seconds, List<Integer> term, double[][] out) {
        int len = term.size();
        // per position k: start of the run of frauds ending at k (-1 if k is genuine)
        int[] runStart = new int[len];
        int[] ordinaryPrefix = new int[len + 1];
        for (int k = 0; k < len; k++) {
            int i = term.get(k);
            boolean fraud = txs.get(i).fraud();
            runStart[k] = !fraud ? -1 : k > 0 && runStart[k - 1] >= 0 ? runStart[k - 1] : k;
            ordinaryPrefix[k + 1] = ordinaryPrefix[k] + (fraud && ratioOrOne(ratio[i]) <= ORDINARY_RATIO ? 1 : 0);
        }
        int known = 0; // positions [0, known) are at or before t - 7 d: their labels are known
        int from = 0; // first position after t - 35 d
        int cachedEnd = -1;
        double[] cached = null;
        for (int k = 0; k < len; k++) {
            int i = term.get(k);
            long t = seconds[i];
            while (known < len && seconds[term.get(known)] <= t - TerminalStreakFeatures.DELAY) {
                known++;
            }
            while (from < known && seconds[term.get(from)] <= t - TerminalStreakFeatures.DELAY - 28 * DAY) {
                from++;
            }
            if (known == 0 || runStart[known - 1] < 0) {
                out[i][0] = 0;
                out[i][1] = 0;
                out[i][2] = Double.NaN;
                out[i][3] = Double.NaN;
            } else {
                if (cachedEnd != known - 1) {
                    cached = run(txs, ratio, term, runStart[known - 1], known - 1);
                    cachedEnd = known - 1;
                }
                System.arraycopy(cached, 0, out[i], 0, 4);
            }
            out[i][4] = ordinaryPrefix[known] - ordinaryPrefix[Math.min(from, known)];
        }
    }

    private static double[] run(List<HandbookTransaction> txs, double[] ratio, List<Integer> term, int start, int end) {
        Set<Long> customers = new HashSet<>();
        double minRatio = Double.POSITIVE_INFINITY;
        double minAmount = Double.POSITIVE_INFINITY;
        for (int k = start; k <= end; k++) {
            int j = term.get(k);
            customers.add(txs.get(j).customerId());
            minRatio = Math.min(minRatio, ratioOrOne(ratio[j]));
            minAmount = Math.min(minAmount, txs.get(j).amount());
        }
        return new double[] {end - start + 1, customers.size(), minRatio, minAmount};
    }

    private static void customer(
            List<HandbookTransaction> txs, double[] ratio, long[] seconds, List<Integer> card, double[][] out) {
        int len = card.size();
        int[] highPrefix = new int[len + 1];
        for (int k = 0; k < len; k++) {
            double r = ratio[card.get(k)];
            highPrefix[k + 1] = highPrefix[k] + (!Double.isNaN(r) && r > HIGH_RATIO ? 1 : 0);
        }
        int day = 0;
        int three = 0;
        int week = 0;
        int lo = 0; // baseline (t - 30 d, t - 7 d] = positions [lo, hi)
        int hi = 0;
        for (int k = 0; k < len; k++) {
            int i = card.get(k);
            long t = seconds[i];
            while (seconds[card.get(day)] <= t - DAY) {
                day++;
            }
            while (seconds[card.get(three)] <= t - 3 * DAY) {
                three++;
            }
            while (seconds[card.get(week)] <= t - 7 * DAY) {
                week++;
            }
            while (hi < k && seconds[card.get(hi)] <= t - 7 * DAY) {
                hi++;
            }
            while (lo < hi && seconds[card.get(lo)] <= t - 30 * DAY) {
                lo++;
            }
            out[i][5] = highPrefix[k + 1] - highPrefix[day];
            out[i][6] = highPrefix[k + 1] - highPrefix[three];
            out[i][7] = (highPrefix[k + 1] - highPrefix[week]) / (double) (k + 1 - week);
            if (hi == lo) {
                out[i][8] = Double.NaN;
            } else {
                double[] amounts = new double[hi - lo];
                for (int j = lo; j < hi; j++) {
                    amounts[j - lo] = txs.get(card.get(j)).amount();
                }
                Arrays.sort(amounts);
                int m = amounts.length;
                double median = m % 2 == 1 ? amounts[m / 2] : (amounts[m / 2 - 1] + amounts[m / 2]) / 2;
                out[i][8] = median > 0 ? txs.get(i).amount() / median : Double.NaN;
            }
        }
    }
}
