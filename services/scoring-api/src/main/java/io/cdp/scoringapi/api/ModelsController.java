package io.cdp.scoringapi.api;

import io.cdp.scoring.metrics.EvaluationCurves;
import io.cdp.scoringapi.model.LiveModel;
import io.cdp.scoringapi.model.LoadedModel;
import io.cdp.service.openapi.CdpOpenApiAutoConfiguration;
import io.cdp.service.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
        name = "Models",
        description = "The models registry (read: fraud:score or models:admin) and promotion (models:admin).")
class ModelsController {

    private static final String PROBLEM = CdpOpenApiAutoConfiguration.PROBLEM_MEDIA_TYPE;
    private static final String PROBLEM_REF = "#/components/schemas/" + CdpOpenApiAutoConfiguration.PROBLEM;
    private static final String VERSION_PATTERN = "^[A-Za-z0-9._-]{1,64}$";

    private final LiveModel live;

    ModelsController(LiveModel live) {
        this.live = live;
    }

    @GetMapping(path = "/v1/models", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "List model versions",
            description = "Every version of the served model in the registry, newest first, with metrics, features, "
                    + "training window and thresholds, and which one is live on this instance.")
    @ApiResponse(responseCode = "200", description = "The registry's versions.")
    ModelList list() {
        String liveVersion = live.current().map(m -> m.entry().version()).orElse(null);
        return new ModelList(
                live.registry().modelName(),
                liveVersion,
                live.registry().list().stream()
                        .map(e -> ModelView.of(e, e.version().equals(liveVersion)))
                        .toList());
    }

    @GetMapping(path = "/v1/models/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Get one model version", description = "Metrics, features, training window and thresholds.")
    @ApiResponse(responseCode = "200", description = "The version.")
    @ApiResponse(
            responseCode = "400",
            description = "Malformed version.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(
            responseCode = "404",
            description = "No such version.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_REF)))
    ModelView get(
            @Parameter(description = "Registry version.", example = "20260123T101500Z-synthetic-2a")
                    @PathVariable
                    @Pattern(regexp = VERSION_PATTERN)
                    String version) {
        String liveVersion = live.current().map(m -> m.entry().version()).orElse(null);
        return live.registry()
                .get(version)
                .map(e -> ModelView.of(e, e.version().equals(liveVersion)))
                .orElseThrow(ModelsController::notFound);
    }

    @GetMapping(path = "/v1/models/{version}/evaluation", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Evaluate one model version",
            description =
                    "What the platform learnt about the version after publishing it: its ROC and precision-recall "
                            + "curves on the validation days, the lineage a retraining run recorded, the last drift check "
                            + "against its training data (PSI per feature and of the score) and every promotion decision "
                            + "about it with its numbers.")
    @ApiResponse(responseCode = "200", description = "The version's evaluation; parts not yet recorded are empty.")
    @ApiResponse(
            responseCode = "400",
            description = "Malformed version.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(
            responseCode = "404",
            description = "No such version.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_REF)))
    ModelEvaluation evaluation(
            @Parameter(description = "Registry version.", example = "20260123T101500Z-synthetic-2a")
                    @PathVariable
                    @Pattern(regexp = VERSION_PATTERN)
                    String version) {
        // one read of the version's item: the curves, lineage and drift notes and the decisions all live in it
        return live.registry()
                .annotations(version, List.of(EvaluationCurves.NOTE, "lineage", "drift"))
                .map(a -> ModelEvaluation.of(
                        version,
                        EvaluationCurves.fromNote(a.note(EvaluationCurves.NOTE)),
                        a.note("lineage"),
                        a.note("drift"),
                        a.decisions()))
                .orElseThrow(ModelsController::notFound);
    }

    @PostMapping(path = "/v1/models/{version}/promotion", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Promote a version to live",
            description = "Loads and checks the version, then swaps it in atomically: no restart, and requests in "
                    + "flight finish with the model they started with. Other instances follow within "
                    + "`scoring.model.refresh-interval`. Needs scope models:admin.")
    @ApiResponse(responseCode = "200", description = "The version is live.")
    @ApiResponse(
            responseCode = "400",
            description = "Malformed version.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(
            responseCode = "404",
            description = "No such version.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(
            responseCode = "409",
            description = "The version needs features this service does not compute.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_REF)))
    Promotion promote(
            @Parameter(description = "Registry version.", example = "20260123T101500Z-synthetic-2a")
                    @PathVariable
                    @Pattern(regexp = VERSION_PATTERN)
                    String version) {
        Optional<String> previous = live.current().map(m -> m.entry().version());
        LoadedModel promoted = live.promote(version);
        return new Promotion(version, previous.orElse(null), promoted.entry().promotedAt());
    }

    private static ProblemException notFound() {
        return new ProblemException(
                HttpStatus.NOT_FOUND,
                "model-not-found",
                "Model version not found",
                "The registry has no such version of this model.");
    }
}
