package io.cdp.scoring.scorer;

import java.util.List;

/**
 * Scores feature rows with one model version. Rows hold the features in {@link #featureNames()} order, with
 * {@code NaN} for a missing value. The in-process evaluator is the default; a SageMaker endpoint is the same
 * contract for when the model leaves the process.
 */
public interface Scorer extends AutoCloseable {

    String modelVersion();

    List<String> featureNames();

    /** Fraud probability of one row. */
    double score(double[] features);

    /** Fraud probabilities of several rows, in order; backends with a per-call cost send them together. */
    default double[] scoreBatch(double[][] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = score(rows[i]);
        }
        return out;
    }

    @Override
    default void close() {}
}
