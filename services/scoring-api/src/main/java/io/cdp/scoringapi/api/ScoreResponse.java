package io.cdp.scoringapi.api;

import io.cdp.events.payload.Decision;
import io.cdp.events.payload.ReasonCode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The score of one transaction, why, and which model said so. */
@Schema(name = "ScoreResponse")
public record ScoreResponse(
        @Schema(
                description = "Id of this scoring call, for support and audit.",
                example = "3f1c7a52-6a4e-4d0b-9e0e-0d9c2b1a7f10")
        String requestId,

        @Schema(example = "auth-20260123-000042") String transactionId,

        @Schema(description = "Fraud probability from the model.", example = "0.0123", minimum = "0", maximum = "1")
        double probability,

        @Schema(description = "What the live model's thresholds say to do.", example = "APPROVE")
        Decision decision,

        @Schema(description = "Features that raised the score most (TreeSHAP, log-odds), largest first.")
        List<ReasonCode> reasonCodes,

        @Schema(
                description = "Every feature value the model saw, by name.",
                example = "{\"count_10m\": 0, \"avg_amt_1w\": 42.9, \"cold_start_1w\": 0}")
        Map<String, Double> features,

        @Schema(example = "fraud-online-card") String modelName,
        @Schema(example = "20260123T101500Z-synthetic-2a") String modelVersion,

        @Schema(
                description = "True when the card had no history in the feature store: velocity and history "
                        + "features are at their documented cold-start values.")
        boolean coldStart,

        Instant scoredAt) {}
