package io.cdp.trainer.loop;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Population stability index of a current sample against a reference: bins cut at the reference's deciles (fewer
 * where values repeat, so a binary feature has two bins), {@code sum((cur - ref) * ln(cur / ref))} over the bins, with
 * empty bins floored at a small share so one empty bin does not make it infinite. The usual reading: under 0.1
 * stable, 0.1 to 0.25 a moderate shift, over 0.25 a shift that needs a look.
 */
public final class Psi {

    public static final double MODERATE = 0.1;
    public static final double SIGNIFICANT = 0.25;
    static final int BINS = 10;
    private static final double FLOOR = 1e-4;

    private Psi() {}

    public static double of(double[] reference, double[] current) {
        if (reference.length == 0 || current.length == 0) {
            return Double.NaN;
        }
        double[] sorted = reference.clone();
        Arrays.sort(sorted);
        // distinct upper edges at the deciles: a value v falls in the first bin whose edge is >= v
        double[] edges = new double[BINS - 1];
        int n = 0;
        for (int b = 1; b < BINS; b++) {
            double edge = sorted[(int) Math.min(sorted.length - 1, Math.floor(b * sorted.length / (double) BINS))];
            if (n == 0 || edge > edges[n - 1]) {
                edges[n++] = edge;
            }
        }
        edges = Arrays.copyOf(edges, n);
        double[] ref = shares(reference, edges);
        double[] cur = shares(current, edges);
        double psi = 0;
        for (int i = 0; i < ref.length; i++) {
            double r = Math.max(ref[i], FLOOR);
            double c = Math.max(cur[i], FLOOR);
            psi += (c - r) * Math.log(c / r);
        }
        return psi;
    }

    private static double[] shares(double[] values, double[] edges) {
        double[] counts = new double[edges.length + 1];
        for (double v : values) {
            int i = Arrays.binarySearch(edges, v);
            counts[i >= 0 ? i : -i - 1]++;
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] /= values.length;
        }
        return counts;
    }

    /** PSI of each column, named. */
    public static Map<String, Double> perFeature(List<String> names, double[][] reference, double[][] current) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int f = 0; f < names.size(); f++) {
            out.put(names.get(f), of(column(reference, f), column(current, f)));
        }
        return out;
    }

    private static double[] column(double[][] rows, int f) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            // NaN (a value that cannot be known) is its own value: below every number, so it gets the first bin
            out[i] = Double.isNaN(rows[i][f]) ? Double.NEGATIVE_INFINITY : rows[i][f];
        }
        return out;
    }
}
