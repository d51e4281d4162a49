package io.cdp.features.labels;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link LabelFeatureTable} as of day D: for each key and window of N days, the number of transactions and
 * the fraud rate over the calendar days {@code [D - delay - N, D - delay)}. Labels of the last {@code delay} days are
 * never read, however many the input holds: on day D a bank only knows the labels investigated by then.
 *
 * <p>Calendar days (not the handbook's continuous per-transaction windows) because the table is built once a day and
 * served all day: every transaction of day D sees the same values.
 */
public final class LabelFeatureTableBuilder {

    private LabelFeatureTableBuilder() {}

    /** Column names for the windows: {@code NB_TX_1DAY_WINDOW, RISK_1DAY_WINDOW, ...}. */
    public static List<String> names(int[] windowDays) {
        List<String> names = new java.util.ArrayList<>();
        for (int w : windowDays) {
            names.add("NB_TX_" + w + "DAY_WINDOW");
            names.add("RISK_" + w + "DAY_WINDOW");
        }
        return names;
    }

    /**
     * Unknown keys get count 0 and, as risk, the fraud rate over all keys in the same window: a prior, where the
     * handbook's 0 would tell the model "known safe" about a terminal nobody has seen.
     *
     * @param windowDays window lengths in days, for example {@code {1, 7, 30}}
     */
    public static LabelFeatureTable build(
            String family, List<LabelledEvent> history, LocalDate asOfDay, int delayDays, int[] windowDays) {
        if (delayDays < 0) {
            throw new IllegalArgumentException("delay must be >= 0");
        }
        LocalDateTime cutoff = asOfDay.minusDays(delayDays).atStartOfDay();
        int k = windowDays.length;
        Map<String, long[]> counts = new HashMap<>();
        long[] total = new long[2 * k];
        for (LabelledEvent e : history) {
            if (!e.time().isBefore(cutoff)) {
                continue;
            }
            long[] c = null;
            for (int w = 0; w < k; w++) {
                if (!e.time().isBefore(cutoff.minusDays(windowDays[w]))) {
                    if (c == null) {
                        c = counts.computeIfAbsent(e.key(), x -> new long[2 * k]);
                    }
                    c[2 * w]++;
                    total[2 * w]++;
                    if (e.fraud()) {
                        c[2 * w + 1]++;
                        total[2 * w + 1]++;
                    }
                }
            }
        }
        Map<String, double[]> rows = new HashMap<>();
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            rows.put(e.getKey(), toValues(e.getValue(), k));
        }
        double[] defaults = toValues(total, k);
        for (int w = 0; w < k; w++) {
            defaults[2 * w] = 0;
        }
        // a key with no transaction in a short window still gets that window's prior as risk, not a 0
        for (double[] v : rows.values()) {
            for (int w = 0; w < k; w++) {
                if (v[2 * w] == 0) {
                    v[2 * w + 1] = defaults[2 * w + 1];
                }
            }
        }
        return new LabelFeatureTable(family, asOfDay, delayDays, names(windowDays), defaults, rows);
    }

    private static double[] toValues(long[] c, int k) {
        double[] v = new double[2 * k];
        for (int w = 0; w < k; w++) {
            v[2 * w] = c[2 * w];
            v[2 * w + 1] = c[2 * w] == 0 ? 0.0 : (double) c[2 * w + 1] / c[2 * w];
        }
        return v;
    }
}
