package io.cdp.scoringapi.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Several transactions scored in order (a card's earlier transactions in a batch count for its later ones). */
@Schema(name = "BatchScoreRequest")
public record BatchScoreRequest(
        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "Transactions to score, at most " + ScoreController.MAX_BATCH
                                        + "; more is answered with 413.",
                                requiredMode = Schema.RequiredMode.REQUIRED),
                minItems = 1)
        @Nullable
        List<ScoreRequest> transactions) {}
