package io.cdp.scoring.artifact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a model artifact says about itself ({@code metadata.json} beside the model). Enough to reproduce the model
 * (data fingerprint, window, parameters, XGBoost version) and to use it safely (feature order, thresholds).
 *
 * @param modelVersion     registry version, unique per model name
 * @param modelName        the model family, e.g. "fraud-handbook"
 * @param featureNames     the inputs, in the order the model expects them
 * @param trainingFrom     first day of training data (inclusive)
 * @param trainingTo       last day of training data (inclusive)
 * @param metrics          evaluation figures by name ("validation.auc", "test.ap", ...)
 * @param thresholds       decision cut-offs and the operating point they were chosen for
 * @param dataFingerprint  sha-256 (hex) of the training rows and labels as fed to XGBoost
 * @param xgboostVersion   the XGBoost version that trained the model
 * @param parameters       training parameters as given to XGBoost, plus the rounds actually kept
 * @param createdAt        when the artifact was made
 */
public record ArtifactMetadata(
        String modelVersion,
        String modelName,
        List<String> featureNames,
        LocalDate trainingFrom,
        LocalDate trainingTo,
        Map<String, Double> metrics,
        Thresholds thresholds,
        String dataFingerprint,
        String xgboostVersion,
        Map<String, String> parameters,
        Instant createdAt) {

    public ArtifactMetadata {
        featureNames = List.copyOf(featureNames);
        metrics = Map.copyOf(metrics);
        parameters = Map.copyOf(parameters);
        if (!dataFingerprint.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("data fingerprint must be a hex sha-256, was " + dataFingerprint);
        }
    }
}
