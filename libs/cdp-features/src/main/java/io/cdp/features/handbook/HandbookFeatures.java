package io.cdp.features.handbook;

import io.cdp.features.schema.FeatureSchema;
import io.cdp.features.window.EventWindow;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * The Fraud-Detection-Handbook's 15 model inputs (Le Borgne et al., Chapter 3 "Baseline feature transformation"),
 * computed over a whole history at once. The definitions follow the handbook's pandas code exactly:
 * <ul>
 *   <li>{@code TX_DURING_WEEKEND}: {@code weekday() >= 5}; {@code TX_DURING_NIGHT}: {@code hour <= 6} (so 06:59 is
 *       night, whatever the handbook's prose says).</li>
 *   <li>customer windows: {@code rolling('Nd')} on {@code TX_DATETIME} per customer, closed right, so the window is
 *       {@code (t - N days, t]} and includes the current transaction; a pandas window ends at the row's position, so of
 *       two transactions of one customer with the same timestamp the first counts only itself: "first" is input
 *       order (the simulator's file order, which is what the handbook's reference files show), not id order.</li>
 *   <li>terminal windows: {@code rolling(d+N) - rolling(d)} with delay d = 7 days, that is the transactions of the
 *       terminal in {@code (t - d - N days, t - d]}; RISK = frauds / count there, 0 when the count is 0 (the
 *       handbook's {@code fillna(0)}). Windows are continuous in time, not calendar days.</li>
 * </ul>
 * {@link HandbookOnlineState} computes the same values one event at a time from bounded per-key state.
 */
public final class HandbookFeatures {

    public static final int[] WINDOW_DAYS = {1, 7, 30};
    public static final int DELAY_DAYS = 7;
    static final long DAY_MILLIS = 86_400_000L;

    /** The 15 inputs in the handbook's order (the column order of its transformed files). */
    public static final List<String> NAMES = List.of(
            "TX_AMOUNT",
            "TX_DURING_WEEKEND",
            "TX_DURING_NIGHT",
            "CUSTOMER_ID_NB_TX_1DAY_WINDOW",
            "CUSTOMER_ID_AVG_AMOUNT_1DAY_WINDOW",
            "CUSTOMER_ID_NB_TX_7DAY_WINDOW",
            "CUSTOMER_ID_AVG_AMOUNT_7DAY_WINDOW",
            "CUSTOMER_ID_NB_TX_30DAY_WINDOW",
            "CUSTOMER_ID_AVG_AMOUNT_30DAY_WINDOW",
            "TERMINAL_ID_NB_TX_1DAY_WINDOW",
            "TERMINAL_ID_RISK_1DAY_WINDOW",
            "TERMINAL_ID_NB_TX_7DAY_WINDOW",
            "TERMINAL_ID_RISK_7DAY_WINDOW",
            "TERMINAL_ID_NB_TX_30DAY_WINDOW",
            "TERMINAL_ID_RISK_30DAY_WINDOW");

    public static final FeatureSchema SCHEMA = new FeatureSchema("handbook", 1, NAMES);

    static final int CUSTOMER_OFFSET = 3;
    static final int TERMINAL_OFFSET = 9;

    private HandbookFeatures() {}

    /**
     * One row per input transaction, in input order. Each row uses only the customer's transactions up to and
     * including itself and the terminal's labels older than the 7-day delay. Input need not be sorted.
     * O(n log n): one sort per key family, then two pointers per window.
     */
    public static double[][] compute(List<HandbookTransaction> txs) {
        int n = txs.size();
        long[] time = new long[n];
        long[] units = new long[n];
        for (int i = 0; i < n; i++) {
            HandbookTransaction tx = txs.get(i);
            time[i] = tx.eventTimeMillis();
            units[i] = EventWindow.toUnits(tx.amount());
        }
        double[][] rows = new double[n][NAMES.size()];
        for (int i = 0; i < n; i++) {
            HandbookTransaction tx = txs.get(i);
            rows[i][0] = tx.amount();
            rows[i][1] = weekend(tx.txDatetime());
            rows[i][2] = night(tx.txDatetime());
        }
        customerWindows(txs, time, units, rows);
        terminalWindows(txs, time, rows);
        return rows;
    }

    public static double weekend(LocalDateTime t) {
        return t.getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue() ? 1.0 : 0.0;
    }

    public static double night(LocalDateTime t) {
        return t.getHour() <= 6 ? 1.0 : 0.0;
    }

    /** The one formula for an average, shared with the incremental path so both give the same double. */
    static double average(long sumUnits, int count) {
        return count == 0 ? 0.0 : EventWindow.fromUnits(sumUnits) / count;
    }

    static double risk(int frauds, int count) {
        return count == 0 ? 0.0 : (double) frauds / count;
    }

    private static void customerWindows(List<HandbookTransaction> txs, long[] time, long[] units, double[][] rows) {
        int[] order = sortedBy(txs, time, true);
        int n = order.length;
        int groupStart = 0;
        while (groupStart < n) {
            long key = txs.get(order[groupStart]).customerId();
            int groupEnd = groupStart;
            while (groupEnd < n && txs.get(order[groupEnd]).customerId() == key) {
                groupEnd++;
            }
            for (int w = 0; w < WINDOW_DAYS.length; w++) {
                long span = WINDOW_DAYS[w] * DAY_MILLIS;
                int start = groupStart;
                long sum = 0;
                for (int p = groupStart; p < groupEnd; p++) {
                    int row = order[p];
                    sum += units[row];
                    while (time[order[start]] <= time[row] - span) {
                        sum -= units[order[start]];
                        start++;
                    }
                    int count = p - start + 1;
                    rows[row][CUSTOMER_OFFSET + 2 * w] = count;
                    rows[row][CUSTOMER_OFFSET + 2 * w + 1] = average(sum, count);
                }
            }
            groupStart = groupEnd;
        }
    }

    private static void terminalWindows(List<HandbookTransaction> txs, long[] time, double[][] rows) {
        int[] order = sortedBy(txs, time, false);
        int n = order.length;
        long delay = DELAY_DAYS * DAY_MILLIS;
        int groupStart = 0;
        while (groupStart < n) {
            long key = txs.get(order[groupStart]).terminalId();
            int groupEnd = groupStart;
            while (groupEnd < n && txs.get(order[groupEnd]).terminalId() == key) {
                groupEnd++;
            }
            int len = groupEnd - groupStart;
            int[] fraudPrefix = new int[len + 1];
            for (int k = 0; k < len; k++) {
                fraudPrefix[k + 1] =
                        fraudPrefix[k] + (txs.get(order[groupStart + k]).fraud() ? 1 : 0);
            }
            // end: first position whose time is after t - delay; start[w]: first after t - delay - window
            int end = 0;
            int[] start = new int[WINDOW_DAYS.length];
            for (int k = 0; k < len; k++) {
                int row = order[groupStart + k];
                long t = time[row];
                while (end < len && time[order[groupStart + end]] <= t - delay) {
                    end++;
                }
                for (int w = 0; w < WINDOW_DAYS.length; w++) {
                    long from = t - delay - WINDOW_DAYS[w] * DAY_MILLIS;
                    while (start[w] < len && time[order[groupStart + start[w]]] <= from) {
                        start[w]++;
                    }
                    int count = Math.max(0, end - start[w]);
                    int frauds = count == 0 ? 0 : fraudPrefix[end] - fraudPrefix[start[w]];
                    rows[row][TERMINAL_OFFSET + 2 * w] = count;
                    rows[row][TERMINAL_OFFSET + 2 * w + 1] = risk(frauds, count);
                }
            }
            groupStart = groupEnd;
        }
    }

    /** Indices sorted by (key, event time), stable so equal times keep input order (the tie rule above). */
    private static int[] sortedBy(List<HandbookTransaction> txs, long[] time, boolean byCustomer) {
        int n = txs.size();
        long[] key = new long[n];
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            HandbookTransaction tx = txs.get(i);
            key[i] = byCustomer ? tx.customerId() : tx.terminalId();
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> {
            int c = Long.compare(key[a], key[b]);
            if (c != 0) {
                return c;
            }
            return Long.compare(time[a], time[b]);
        });
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
        }
        return order;
    }
}
