package io.cdp.core.api;

import io.cdp.core.config.CoreBankingProperties;
import io.cdp.core.extraction.ExtractionOptions;
import io.cdp.core.extraction.ExtractionRunner;
import io.cdp.core.extraction.ExtractionStatus;
import io.cdp.service.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/extractions")
@Tag(
        name = "extraction",
        description = "Start, stop and watch extractions to Kinesis (live share) and the lake (history)")
class ExtractionController {

    /** Options of a new extraction; absent values take the service's configured defaults. */
    record StartRequest(
            @Nullable @DecimalMin("0") @DecimalMax("1") Double liveShare,
            @Nullable @DecimalMin("0") Double speed,
            @Nullable Boolean toStream,
            @Nullable Boolean toLake) {}

    private final ExtractionRunner runner;
    private final CoreBankingProperties properties;

    ExtractionController(ExtractionRunner runner, CoreBankingProperties properties) {
        this.runner = runner;
        this.properties = properties;
    }

    @PostMapping
    @Operation(summary = "Start an extraction", description = "Runs in the background; 409 while another is running.")
    ResponseEntity<ExtractionStatus> start(@Valid @RequestBody(required = false) @Nullable StartRequest request) {
        StartRequest r = request == null ? new StartRequest(null, null, null, null) : request;
        ExtractionOptions options;
        try {
            options = new ExtractionOptions(
                    r.liveShare() == null ? properties.liveShare() : r.liveShare(),
                    r.speed() == null ? properties.replaySpeed() : r.speed(),
                    r.toStream() == null || r.toStream(),
                    r.toLake() == null || r.toLake());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "invalid-extraction-options",
                    "Invalid extraction options",
                    "liveShare must be within [0, 1] and speed >= 0");
        }
        try {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(runner.start(options));
        } catch (IllegalStateException e) {
            // a fixed text: no exception message leaves the core zone in a response
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "extraction-running",
                    "Extraction running",
                    "another extraction is still running");
        }
    }

    @GetMapping
    @Operation(summary = "All extractions of this instance")
    Collection<ExtractionStatus> all() {
        return runner.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Watch one extraction")
    ResponseEntity<ExtractionStatus> status(@PathVariable String id) {
        return ResponseEntity.of(runner.status(id));
    }

    @PostMapping("/{id}/stop")
    @Operation(summary = "Stop an extraction after its current batch")
    ResponseEntity<ExtractionStatus> stop(@PathVariable String id) {
        return ResponseEntity.of(runner.stop(id));
    }
}
