package io.cdp.training.train;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a training run.
 *
 * @param modelJson        XGBoost JSON model (what the in-process scorer reads)
 * @param modelBinary      XGBoost's binary (UBJSON) model, what SageMaker's XGBoost container loads
 * @param rounds           boosting rounds kept (the best iteration + 1 when early stopping ran)
 * @param bestScore        validation metric at the kept round; NaN without validation data
 * @param validationCurve  the validation metric after each round that ran
 * @param parameters       the parameters XGBoost was given, as strings, plus "rounds"
 * @param gainImportance   average split gain per feature name (XGBoost's importance_type "gain")
 */
public record TrainedModel(
        byte[] modelJson,
        byte[] modelBinary,
        int rounds,
        double bestScore,
        List<Double> validationCurve,
        Map<String, String> parameters,
        Map<String, Double> gainImportance) {}
