package io.cdp.training.dataset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A labelled, point-in-time training set: one row of features per transaction, its label, the day it happened and
 * the card (entity) it belongs to. Rows carry their day so splits are temporal, never random: a fraud model is
 * always trained on the past and judged on the future.
 */
public record TrainingRows(
        List<String> featureNames, double[][] features, boolean[] labels, LocalDate[] days, long[] cards) {

    public TrainingRows {
        featureNames = List.copyOf(featureNames);
        int n = features.length;
        if (labels.length != n || days.length != n || cards.length != n) {
            throw new IllegalArgumentException("column lengths differ: features " + n + ", labels " + labels.length
                    + ", days " + days.length + ", cards " + cards.length);
        }
        for (double[] row : features) {
            if (row.length != featureNames.size()) {
                throw new IllegalArgumentException(
                        "a row has " + row.length + " values for " + featureNames.size() + " feature names");
            }
        }
    }

    public int size() {
        return features.length;
    }

    public long positives() {
        long p = 0;
        for (boolean label : labels) {
            p += label ? 1 : 0;
        }
        return p;
    }

    /** The rows whose day lies in [from, to], in their original order. */
    public TrainingRows between(LocalDate from, LocalDate to) {
        return where(i -> !days[i].isBefore(from) && !days[i].isAfter(to));
    }

    public TrainingRows where(IntPredicate keep) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            if (keep.test(i)) {
                idx.add(i);
            }
        }
        int m = idx.size();
        double[][] f = new double[m][];
        boolean[] l = new boolean[m];
        LocalDate[] d = new LocalDate[m];
        long[] c = new long[m];
        for (int k = 0; k < m; k++) {
            int i = idx.get(k);
            f[k] = features[i];
            l[k] = labels[i];
            d[k] = days[i];
            c[k] = cards[i];
        }
        return new TrainingRows(featureNames, f, l, d, c);
    }

    /** The same rows with only the named feature columns, in the order given. */
    public TrainingRows select(List<String> names) {
        int[] cols = new int[names.size()];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = featureNames.indexOf(names.get(j));
            if (cols[j] < 0) {
                throw new IllegalArgumentException("no feature " + names.get(j) + " in " + featureNames);
            }
        }
        double[][] f = new double[size()][cols.length];
        for (int i = 0; i < size(); i++) {
            for (int j = 0; j < cols.length; j++) {
                f[i][j] = features[i][cols[j]];
            }
        }
        return new TrainingRows(names, f, labels, days, cards);
    }

    /** One float array per row (what the in-process evaluator's hot path takes); NaN stays NaN. */
    public float[][] floatRows() {
        int width = featureNames.size();
        float[][] out = new float[size()][width];
        for (int i = 0; i < size(); i++) {
            for (int j = 0; j < width; j++) {
                out[i][j] = (float) features[i][j];
            }
        }
        return out;
    }

    /** Row-major float matrix, the layout XGBoost's DMatrix takes; NaN stays NaN (missing). */
    public float[] rowMajorFloats() {
        int width = featureNames.size();
        float[] out = new float[size() * width];
        for (int i = 0; i < size(); i++) {
            for (int j = 0; j < width; j++) {
                out[i * width + j] = (float) features[i][j];
            }
        }
        return out;
    }

    public float[] labelFloats() {
        float[] out = new float[size()];
        for (int i = 0; i < size(); i++) {
            out[i] = labels[i] ? 1f : 0f;
        }
        return out;
    }
}
