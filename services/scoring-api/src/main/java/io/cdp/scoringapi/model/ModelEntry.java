package io.cdp.scoringapi.model;

import io.cdp.scoring.artifact.Thresholds;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One version in the models registry (table {@code models}, written by the model trainer's {@code ModelPublisher};
 * {@code status} and {@code promotedAt} are written here on promotion).
 */
public record ModelEntry(String modelName, String version, String status, String artifactUri,
                         List<String> featureNames, LocalDate trainingFrom, LocalDate trainingTo,
                         Map<String, Double> metrics, Thresholds thresholds, Instant createdAt,
                         @Nullable Instant promotedAt) {

    public static final String STATUS_LIVE = "LIVE";
    public static final String STATUS_RETIRED = "RETIRED";

    public ModelEntry {
        featureNames = List.copyOf(featureNames);
        metrics = Map.copyOf(metrics);
    }
}
