package io.cdp.trainer.handbook;

import io.cdp.features.handbook.HandbookFeatures;
import io.cdp.features.handbook.HandbookTransaction;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ExtendedFeatures} plus terminal signals read from labels with the handbook's 7-day delay respected: only
 * the terminal's transactions at or before {@code t - 7 days} (whose labels are known by then) are looked at.
 * <ul>
 *   <li>{@code TERMINAL_LAST_KNOWN_TX_FRAUD}: the label of the terminal's latest known transaction (NaN if none);</li>
 *   <li>{@code TERMINAL_KNOWN_FRAUD_RUN_DAYS}: when that label is fraud, days from the first fraud of the unbroken
 *       run of known frauds it ends to {@code t} (NaN otherwise): a compromised terminal defrauds every transaction for
 *       a limited period, so a run that started long ago is about to end and a recent one is not;</li>
 *   <li>{@code TERMINAL_NB_FRAUD_30DAY_WINDOW}: known frauds in {@code (t - 37 d, t - 7 d]}, the count behind
 *       {@code TERMINAL_ID_RISK_30DAY_WINDOW} (a ratio alone cannot tell 1 of 1 from 20 of 20).</li>
 * </ul>
 * Eval-only (model selection in {@code ./cdp eval handbook}); the label delay is the same as the handbook's.
 */
public final class TerminalStreakFeatures implements FeatureSet {

    static final long DAY = 86_400;
    static final long DELAY = HandbookFeatures.DELAY_DAYS * DAY;
    static final List<String> EXTRA =
            List.of("TERMINAL_LAST_KNOWN_TX_FRAUD", "TERMINAL_KNOWN_FRAUD_RUN_DAYS", "TERMINAL_NB_FRAUD_30DAY_WINDOW");
    private static final List<String> NAMES;

    static {
        List<String> names = new ArrayList<>(new ExtendedFeatures().names());
        names.addAll(EXTRA);
        NAMES = List.copyOf(names);
    }

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public double[][] compute(List<HandbookTransaction> txs) {
        double[][] base = new ExtendedFeatures().compute(txs);
        int n = txs.size();
        int w = base.length == 0 ? 0 : base[0].length;
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = java.util.Arrays.copyOf(base[i], NAMES.size());
        }
        double[][] extra = terminalColumns(txs);
        for (int i = 0; i < n; i++) {
            System.arraycopy(extra[i], 0, out[i], w, EXTRA.size());
        }
        return out;
    }

    /** The three terminal columns for every transaction, in input order. */
    static double[][] terminalColumns(List<HandbookTransaction> txs) {
        int n = txs.size();
        long[] seconds = new long[n];
        Map<Long, List<Integer>> byTerminal = new HashMap<>();
        for (int i = 0; i < n; i++) {
            seconds[i] = txs.get(i).txDatetime().toEpochSecond(ZoneOffset.UTC);
            byTerminal
                    .computeIfAbsent(txs.get(i).terminalId(), c -> new ArrayList<>())
                    .add(i);
        }
        double[][] out = new double[n][EXTRA.size()];
        for (List<Integer> term : byTerminal.values()) {
            term.sort(
                    (a, b) -> seconds[a] != seconds[b] ? Long.compare(seconds[a], seconds[b]) : Integer.compare(a, b));
            int len = term.size();
            long[] runStart = new long[len];
            int[] fraudPrefix = new int[len + 1];
            for (int k = 0; k < len; k++) {
                boolean fraud = txs.get(term.get(k)).fraud();
                fraudPrefix[k + 1] = fraudPrefix[k] + (fraud ? 1 : 0);
                runStart[k] = !fraud
                        ? Long.MIN_VALUE
                        : k > 0 && runStart[k - 1] != Long.MIN_VALUE ? runStart[k - 1] : seconds[term.get(k)];
            }
            int known = 0; // transactions [0, known) are at or before t - delay
            int from = 0; // first position after t - delay - 30 days
            for (int k = 0; k < len; k++) {
                int i = term.get(k);
                long t = seconds[i];
                while (known < len && seconds[term.get(known)] <= t - DELAY) {
                    known++;
                }
                while (from < known && seconds[term.get(from)] <= t - DELAY - 30 * DAY) {
                    from++;
                }
                if (known == 0) {
                    out[i][0] = Double.NaN;
                    out[i][1] = Double.NaN;
                } else {
                    long start = runStart[known - 1];
                    out[i][0] = start == Long.MIN_VALUE ? 0 : 1;
                    out[i][1] = start == Long.MIN_VALUE ? Double.NaN : (t - start) / (double) DAY;
                }
                out[i][2] = fraudPrefix[known] - fraudPrefix[Math.min(from, known)];
            }
        }
        return out;
    }
}
