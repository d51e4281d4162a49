package io.cdp.scoring.registry;

import io.cdp.scoring.artifact.Thresholds;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One version in the models registry (table {@code models}, key {@code modelName} + {@code version}; the item format
 * is {@link ModelRegistry#item}).
 */
public record ModelEntry(
        String modelName,
        String version,
        ModelStatus status,
        String artifactUri,
        List<String> featureNames,
        LocalDate trainingFrom,
        LocalDate trainingTo,
        Map<String, Double> metrics,
        Thresholds thresholds,
        Instant createdAt,
        @Nullable Instant promotedAt) {

    public ModelEntry {
        featureNames = List.copyOf(featureNames);
        metrics = Map.copyOf(metrics);
    }

    /** This entry as promoted at {@code at}. */
    public ModelEntry live(Instant at) {
        return new ModelEntry(
                modelName,
                version,
                ModelStatus.LIVE,
                artifactUri,
                featureNames,
                trainingFrom,
                trainingTo,
                metrics,
                thresholds,
                createdAt,
                at);
    }
}
