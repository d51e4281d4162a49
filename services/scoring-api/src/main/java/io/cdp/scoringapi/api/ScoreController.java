package io.cdp.scoringapi.api;

import io.cdp.service.openapi.CdpOpenApiAutoConfiguration;
import io.cdp.service.problem.FieldProblem;
import io.cdp.service.problem.InvalidRequestException;
import io.cdp.service.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Fraud scores", description = "Score card transactions (scope fraud:score).")
class ScoreController {

    static final int MAX_BATCH = 100;
    private static final String PROBLEM = CdpOpenApiAutoConfiguration.PROBLEM_MEDIA_TYPE;
    private static final String PROBLEM_REF = "#/components/schemas/" + CdpOpenApiAutoConfiguration.PROBLEM;

    private static final String ORDINARY = """
            {"transactionId": "auth-20260123-000042", "cardToken": "crd_v1_Zm9vYmFyYmF6cXV4MTIzNDU2Li4uLi4uLi4uLi4uLi4",
             "amount": 42.90, "currency": "EUR", "merchantId": "m-4411-berlin-07", "merchantState": "CA",
             "merchantZip": "94105", "mcc": 5411, "channel": "CHIP", "transactionTime": "2026-01-23T14:05:00Z"}""";

    private final FraudScorer scorer;
    private final Validator validator;

    ScoreController(FraudScorer scorer, Validator validator) {
        this.scorer = scorer;
        this.validator = validator;
    }

    @PostMapping(
            path = "/v1/fraud-scores",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Score one transaction",
            description = "Looks up the card's online features (feature store behind a short-lived in-process cache), "
                    + "scores with the live model and answers the fraud probability, the decision by the model's "
                    + "thresholds (APPROVE, REVIEW, DECLINE), the top reason codes, every feature value used, the model "
                    + "version and a request id. A card without history is scored with explicit cold-start values and "
                    + "`coldStart: true`.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = ScoreRequest.class),
                                            examples = @ExampleObject(name = "ordinary purchase", value = ORDINARY))))
    @ApiResponse(responseCode = "200", description = "Scored.")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid request; `errors` names each invalid field.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(
            responseCode = "422",
            description = "The transaction is older than the card's window accepts.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(
            responseCode = "503",
            description = "No model is live yet.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_REF)))
    ScoreResponse score(@Valid @RequestBody ScoreRequest request) {
        return scorer.score(request, requestId(), "");
    }

    @PostMapping(
            path = "/v1/fraud-scores:batch",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Score several transactions",
            description = "Scores up to " + MAX_BATCH + " transactions in order, each as `POST /v1/fraud-scores` "
                    + "would. A larger batch is refused with 413 before any is scored; an invalid item fails the whole "
                    + "batch with 400 naming `transactions[i].field`.")
    @ApiResponse(responseCode = "200", description = "Scored, in request order.")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid request; `errors` names each invalid field.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(
            responseCode = "413",
            description = "More than " + MAX_BATCH + " transactions.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(
            responseCode = "422",
            description = "A transaction is older than its card's window accepts.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_REF)))
    @ApiResponse(
            responseCode = "503",
            description = "No model is live yet.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_REF)))
    BatchScoreResponse scoreBatch(@RequestBody BatchScoreRequest request) {
        List<ScoreRequest> transactions = request.transactions();
        if (transactions == null || transactions.isEmpty()) {
            throw new InvalidRequestException(
                    List.of(new FieldProblem("transactions", "must contain at least 1 transaction")));
        }
        if (transactions.size() > MAX_BATCH) {
            throw new ProblemException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "batch-too-large",
                    "Batch too large",
                    "A batch holds at most " + MAX_BATCH + " transactions; split it.");
        }
        List<FieldProblem> errors = new ArrayList<>();
        for (int i = 0; i < transactions.size(); i++) {
            ScoreRequest item = transactions.get(i);
            if (item == null) {
                errors.add(new FieldProblem("transactions[" + i + "]", "must not be null"));
                continue;
            }
            for (ConstraintViolation<ScoreRequest> v : validator.validate(item)) {
                errors.add(new FieldProblem("transactions[" + i + "]." + v.getPropertyPath(), v.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        String requestId = requestId();
        List<ScoreResponse> results = new ArrayList<>(transactions.size());
        for (int i = 0; i < transactions.size(); i++) {
            results.add(scorer.score(transactions.get(i), requestId, "transactions[" + i + "]."));
        }
        return new BatchScoreResponse(requestId, results);
    }

    /** A random (version 4) UUID without SecureRandom's lock: ids need uniqueness, not unpredictability. */
    private static String requestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xf000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
