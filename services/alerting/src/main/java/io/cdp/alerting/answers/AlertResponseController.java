package io.cdp.alerting.answers;

import io.cdp.alerting.record.AlertRecord;
import io.cdp.alerting.record.AlertStore;
import io.cdp.events.payload.CustomerFeedbackReceivedV1.FeedbackChannel;
import io.cdp.service.problem.FieldProblem;
import io.cdp.service.problem.InvalidRequestException;
import io.cdp.service.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The bank's app answers an alert (scope {@code alerts:respond}); operators read an alert's state (alerts:read). */
@RestController
@Tag(name = "alerts", description = "Fraud alerts: state and the customer's answer")
class AlertResponseController {

    record ResponseRequest(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"YES", "NO"},
                    description = "YES: the customer made the payment; NO: they did not")
            @Nullable
            String answer) {}

    record AlertView(String alertId, String state, @Nullable String answeredBy) {
        static AlertView of(AlertRecord r) {
            return new AlertView(r.alertId(), r.state().name(), r.answerChannel());
        }
    }

    private final AlertStore store;
    private final AnswerService answers;

    AlertResponseController(AlertStore store, AnswerService answers) {
        this.store = store;
        this.answers = answers;
    }

    @GetMapping("/v1/alerts/{alertId}")
    @Operation(summary = "An alert's delivery state (no personal data)")
    AlertView get(@PathVariable String alertId) {
        return AlertView.of(find(alertId));
    }

    @PostMapping("/v1/alerts/{alertId}/response")
    @Operation(
            summary = "Record the customer's answer from the bank's app",
            description = "YES marks the alert CONFIRMED (the customer made the payment), NO marks it DENIED; either "
                    + "publishes customer.feedback.received.v1. 404 unknown alert, 409 when already answered "
                    + "differently or not sent yet")
    AlertView respond(@PathVariable String alertId, @RequestBody(required = false) @Nullable ResponseRequest body) {
        String raw = body == null ? null : body.answer();
        Answer answer;
        try {
            answer = Answer.valueOf(raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(new FieldProblem("answer", "must be YES or NO")));
        }
        AlertRecord alert = find(alertId);
        AnswerService.Result result = answers.answer(alert, answer, FeedbackChannel.PUSH);
        if (result == AnswerService.Result.CONFLICT || result == AnswerService.Result.NOT_ANSWERABLE) {
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "alert-not-answerable",
                    "Alert cannot take this answer",
                    "The alert is " + alert.state() + "; only a sent alert takes one answer.");
        }
        return AlertView.of(find(alertId));
    }

    private AlertRecord find(String alertId) {
        return store.byAlertId(alertId)
                .orElseThrow(() -> new ProblemException(
                        HttpStatus.NOT_FOUND, "alert-not-found", "No such alert", "No alert " + alertId));
    }
}
