package io.cdp.scoringapi.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The outcome of a promotion. */
@Schema(name = "Promotion")
public record Promotion(
        @Schema(example = "20260123T101500Z-synthetic-2a") String version,

        @Schema(description = "The version served before; absent when none was.") @Nullable
        String previousVersion,

        Instant promotedAt) {}
