package io.cdp.training.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * XGBoost settings for a fraud model.
 *
 * @param maxRounds           upper bound on boosting rounds
 * @param earlyStoppingRounds stop when the validation metric has not improved for this many rounds (0: never)
 * @param evalMetric          validation metric for early stopping; "aucpr" because fraud is rare and the
 *                            precision at the top of the ranking is what investigators feel
 * @param scalePosWeight      weight of the positive class; {@code NaN} means negatives / positives of the
 *                            training set, XGBoost's documented starting point for imbalanced data
 * @param maxDeltaStep        XGBoost's max_delta_step, a cap on each leaf's step (0: no cap); XGBoost suggests 1..10
 *                            for logistic regression on very imbalanced classes
 * @param progressEvery       report progress every this many rounds
 */
public record TrainingParameters(
        int maxRounds,
        int maxDepth,
        double eta,
        double minChildWeight,
        double subsample,
        double colsampleByTree,
        double scalePosWeight,
        double maxDeltaStep,
        int earlyStoppingRounds,
        String evalMetric,
        int threads,
        long seed,
        int progressEvery) {

    /** Without a leaf step cap (max_delta_step 0). */
    public TrainingParameters(
            int maxRounds,
            int maxDepth,
            double eta,
            double minChildWeight,
            double subsample,
            double colsampleByTree,
            double scalePosWeight,
            int earlyStoppingRounds,
            String evalMetric,
            int threads,
            long seed,
            int progressEvery) {
        this(
                maxRounds,
                maxDepth,
                eta,
                minChildWeight,
                subsample,
                colsampleByTree,
                scalePosWeight,
                0,
                earlyStoppingRounds,
                evalMetric,
                threads,
                seed,
                progressEvery);
    }

    public static TrainingParameters defaults() {
        return new TrainingParameters(400, 4, 0.1, 1, 0.8, 0.8, Double.NaN, 40, "aucpr", 2, 0, 25);
    }

    public TrainingParameters withMaxRounds(int rounds) {
        return new TrainingParameters(
                rounds,
                maxDepth,
                eta,
                minChildWeight,
                subsample,
                colsampleByTree,
                scalePosWeight,
                maxDeltaStep,
                earlyStoppingRounds,
                evalMetric,
                threads,
                seed,
                progressEvery);
    }

    public TrainingParameters withScalePosWeight(double weight) {
        return new TrainingParameters(
                maxRounds,
                maxDepth,
                eta,
                minChildWeight,
                subsample,
                colsampleByTree,
                weight,
                maxDeltaStep,
                earlyStoppingRounds,
                evalMetric,
                threads,
                seed,
                progressEvery);
    }

    public TrainingParameters withSeed(long newSeed) {
        return new TrainingParameters(
                maxRounds,
                maxDepth,
                eta,
                minChildWeight,
                subsample,
                colsampleByTree,
                scalePosWeight,
                maxDeltaStep,
                earlyStoppingRounds,
                evalMetric,
                threads,
                newSeed,
                progressEvery);
    }

    public TrainingParameters withTree(int depth, double learningRate) {
        return new TrainingParameters(
                maxRounds,
                depth,
                learningRate,
                minChildWeight,
                subsample,
                colsampleByTree,
                scalePosWeight,
                maxDeltaStep,
                earlyStoppingRounds,
                evalMetric,
                threads,
                seed,
                progressEvery);
    }

    /** The parameter map XGBoost4J takes; the positive weight must already be resolved. */
    Map<String, Object> toXgboost(double resolvedScalePosWeight) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("objective", "binary:logistic");
        p.put("tree_method", "hist");
        p.put("max_depth", maxDepth);
        p.put("eta", eta);
        p.put("min_child_weight", minChildWeight);
        p.put("subsample", subsample);
        p.put("colsample_bytree", colsampleByTree);
        p.put("scale_pos_weight", resolvedScalePosWeight);
        if (maxDeltaStep > 0) {
            p.put("max_delta_step", maxDeltaStep);
        }
        p.put("eval_metric", evalMetric);
        p.put("nthread", threads);
        p.put("seed", seed);
        p.put("verbosity", 0);
        return p;
    }
}
