package io.cdp.scoringapi.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Scores in request order. */
@Schema(name = "BatchScoreResponse")
public record BatchScoreResponse(
        @Schema(example = "6d0b0c8e-1f63-4a86-9b8e-4f1f0f0b7c21")
        String requestId,

        List<ScoreResponse> results) {}
