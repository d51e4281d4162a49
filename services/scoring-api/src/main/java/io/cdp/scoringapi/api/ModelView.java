package io.cdp.scoringapi.api;

import io.cdp.scoring.registry.ModelEntry;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A model version as the registry knows it. */
@Schema(name = "Model")
public record ModelView(
        @Schema(example = "fraud-online-card") String modelName,
        @Schema(example = "20260123T101500Z-synthetic-2a") String version,

        @Schema(
                description =
                        "REGISTERED (published, not serving), SHADOW (scored beside the live version into the lake only), LIVE or"
                                + " RETIRED.",
                example = "LIVE")
        String status,

        @Schema(description = "Whether this instance serves this version now.")
        boolean live,

        @Schema(
                description = "Evaluation figures by name.",
                example = "{\"validation.auc\": 0.97, \"validation.ap\": 0.81}")
        Map<String, Double> metrics,

        @Schema(description = "Model inputs in order.") List<String> featureNames,

        @Schema(description = "First day of training data.", example = "2026-01-05")
        LocalDate trainingFrom,

        @Schema(description = "Last day of training data.", example = "2026-01-25")
        LocalDate trainingTo,

        ThresholdsView thresholds,
        Instant createdAt,
        @Nullable Instant promotedAt) {

    /** Decision cut-offs; ALERT-level scores are answered as REVIEW by this API. */
    @Schema(name = "Thresholds")
    public record ThresholdsView(
            @Schema(example = "0.31") double review,
            @Schema(example = "0.62") double alert,
            @Schema(example = "0.87") double decline,
            String operatingPoint) {}

    static ModelView of(ModelEntry e, boolean live) {
        var t = e.thresholds();
        return new ModelView(
                e.modelName(),
                e.version(),
                e.status().name(),
                live,
                e.metrics(),
                e.featureNames(),
                e.trainingFrom(),
                e.trainingTo(),
                new ThresholdsView(t.review(), t.alert(), t.decline(), t.operatingPoint()),
                e.createdAt(),
                e.promotedAt());
    }
}
