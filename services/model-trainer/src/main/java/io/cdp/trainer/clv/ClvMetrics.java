package io.cdp.trainer.clv;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The CLV metrics. Ties in the predictions are taken at their expected value over a random order (a tie group's
 * actual spend is spread evenly over its positions), so a constant or coarse predictor gets no credit from the input
 * order.
 */
public final class ClvMetrics {

    /** One method's figures. */
    public record Scores(double spearman, double gini, double mae, double topDecileCapture, double totalRatio) {}

    private ClvMetrics() {}

    public static Scores score(double[] predicted, double[] actual) {
        return new Scores(
                spearman(predicted, actual),
                normalisedGini(predicted, actual),
                mae(predicted, actual),
                topDecileCapture(predicted, actual),
                totalRatio(predicted, actual));
    }

    /** Spearman's rho: Pearson's correlation of the ranks, ties given their mean rank. */
    public static double spearman(double[] x, double[] y) {
        check(x, y);
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double mx = Arrays.stream(rx).average().orElse(0);
        double my = Arrays.stream(ry).average().orElse(0);
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    /**
     * Normalised Gini: the Gini of the actual spend ordered by prediction (highest first) over the Gini of the
     * actual spend in its own perfect order. Gini of an order = sum over positions of (cumulative share of actual
     * spend - share of customers), divided by n.
     */
    public static double normalisedGini(double[] predicted, double[] actual) {
        check(predicted, actual);
        double perfect = gini(actual, actual);
        return perfect == 0 ? 0 : gini(predicted, actual) / perfect;
    }

    /** Mean absolute error. */
    public static double mae(double[] predicted, double[] actual) {
        check(predicted, actual);
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            sum += Math.abs(predicted[i] - actual[i]);
        }
        return sum / predicted.length;
    }

    /** Share of the actual spend held by the top 10 % by prediction (n / 10 customers, rounded). */
    public static double topDecileCapture(double[] predicted, double[] actual) {
        check(predicted, actual);
        double total = Arrays.stream(actual).sum();
        if (total == 0) {
            return 0;
        }
        double[] ordered = orderedActual(predicted, actual);
        int k = (int) Math.round(predicted.length / 10.0);
        double top = 0;
        for (int i = 0; i < k; i++) {
            top += ordered[i];
        }
        return top / total;
    }

    /** Total predicted over total actual. */
    public static double totalRatio(double[] predicted, double[] actual) {
        check(predicted, actual);
        double a = Arrays.stream(actual).sum();
        return a == 0 ? Double.NaN : Arrays.stream(predicted).sum() / a;
    }

    static double gini(double[] predicted, double[] actual) {
        double[] ordered = orderedActual(predicted, actual);
        int n = ordered.length;
        double total = Arrays.stream(ordered).sum();
        if (total == 0) {
            return 0;
        }
        double cumulative = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            cumulative += ordered[i];
            sum += cumulative / total - (i + 1.0) / n;
        }
        return sum / n;
    }

    /** Actual values in descending order of prediction, each tie group's values replaced by the group's mean. */
    static double[] orderedActual(double[] predicted, double[] actual) {
        int n = predicted.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -predicted[i]));
        double[] out = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            double sum = 0;
            while (j < n && predicted[order[j]] == predicted[order[i]]) {
                sum += actual[order[j]];
                j++;
            }
            double mean = sum / (j - i);
            for (int k = i; k < j; k++) {
                out[k] = mean;
            }
            i = j;
        }
        return out;
    }

    /** 1-based ranks, ties at their mean rank. */
    static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> v[i]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && v[order[j]] == v[order[i]]) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                r[order[k]] = rank;
            }
            i = j;
        }
        return r;
    }

    private static void check(double[] a, double[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException(
                    "need two equally long, non-empty columns: " + a.length + ", " + b.length);
        }
    }
}
