package io.cdp.scoringapi.api;

import io.cdp.events.payload.Decision;
import io.cdp.events.payload.ReasonCode;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.features.online.OnlineTransaction;
import io.cdp.features.tabformer.TabFormerContext;
import io.cdp.scoring.artifact.WireDecisions;
import io.cdp.scoring.explain.Explanation;
import io.cdp.scoringapi.features.CardStateWriteBack;
import io.cdp.scoringapi.features.FeatureStore;
import io.cdp.scoringapi.features.FeatureStoreProperties;
import io.cdp.scoringapi.features.OnlineContext;
import io.cdp.scoringapi.features.StoredCard;
import io.cdp.scoringapi.model.LiveModel;
import io.cdp.scoringapi.model.LoadedModel;
import io.cdp.scoringapi.model.ModelProperties;
import io.cdp.service.problem.FieldProblem;
import io.cdp.service.problem.InvalidRequestException;
import io.cdp.service.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The scoring path: the card's state from the (cached) feature store, the features of this transaction from it
 * ({@link OnlineFeatures}, exactly what the stream transformer computes for it), the live model's probability, reason
 * codes and decision. With {@code update-on-score} the transaction is also applied to the card's state, which
 * {@link CardStateWriteBack} stores off the request path; otherwise the state is read only and the stream transformer
 * owns it.
 */
@Component
class FraudScorer {

    private static final Duration MAX_CLOCK_AHEAD = Duration.ofDays(1);

    private final FeatureStore store;
    private final OnlineContext context;
    private final LiveModel live;
    private final boolean updateOnScore;
    private final int reasonCodes;
    /** Present with {@code update-on-score}: keeps card states itself, off the request path. */
    private final Optional<CardStateWriteBack> writeBack;

    FraudScorer(
            FeatureStore store,
            OnlineContext context,
            LiveModel live,
            FeatureStoreProperties features,
            ModelProperties model,
            Optional<CardStateWriteBack> writeBack) {
        this.store = store;
        this.context = context;
        this.live = live;
        this.updateOnScore = features.updateOnScore();
        this.reasonCodes = model.reasonCodes();
        this.writeBack = writeBack;
        if (updateOnScore && writeBack.isEmpty()) {
            throw new IllegalStateException("update-on-score needs the card-state write-back");
        }
    }

    ScoreResponse score(ScoreRequest request, String requestId, String fieldPrefix) {
        LoadedModel model = live.require();
        OnlineTransaction tx = request.toInput();
        checkTime(tx.time(), fieldPrefix);
        TabFormerContext ctx = context.current();
        Features computed;
        try {
            computed = updateOnScore ? computeAndRecord(tx, ctx) : compute(store.get(tx.cardToken()), tx, ctx);
        } catch (SdkException e) {
            // the card's state could not be read in time: without it the features would be wrong, so no score
            throw new ProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "feature-store-unavailable",
                    "Feature store unavailable",
                    "The card's features could not be read in time ("
                            + e.getClass().getSimpleName() + "); retry the request.");
        }
        double[] values = computed.values();
        if (values == null) {
            throw new ProblemException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "transaction-too-late",
                    "Transaction too late",
                    "transactionTime is older than the card's newest transaction and not a repeat of one it holds: "
                            + "no point-in-time features exist.");
        }
        Explanation explanation = model.scorer().explain(values, reasonCodes);
        List<ReasonCode> reasons = new ArrayList<>(explanation.reasons().size());
        for (var r : explanation.reasons()) {
            reasons.add(new ReasonCode(r.feature(), Double.isNaN(r.value()) ? null : r.value(), r.contribution()));
        }
        List<String> names = OnlineFeatures.SCHEMA.names();
        Map<String, Double> features = LinkedHashMap.newLinkedHashMap(names.size());
        for (int i = 0; i < names.size(); i++) {
            features.put(names.get(i), values[i]);
        }
        return new ScoreResponse(
                requestId,
                tx.transactionId(),
                explanation.probability(),
                decision(model, explanation.probability()),
                reasons,
                features,
                model.entry().modelName(),
                model.entry().version(),
                computed.coldStart(),
                Instant.now());
    }

    /** The vector (null when too late) and whether the state it came from was empty. */
    private record Features(double @Nullable [] values, boolean coldStart) {}

    private static Features compute(StoredCard card, OnlineTransaction tx, TabFormerContext ctx) {
        return new Features(OnlineFeatures.compute(card.state(), tx, ctx).values(), card.coldStart());
    }

    private Features computeAndRecord(OnlineTransaction tx, TabFormerContext ctx) {
        try {
            CardStateWriteBack.Applied applied = writeBack.orElseThrow().apply(tx, ctx);
            return new Features(applied.computed().values(), applied.coldStart());
        } catch (CardStateWriteBack.BackPressureException e) {
            throw new ProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "state-backlog",
                    "Card states not stored yet",
                    "Too many scored transactions wait to be written to the feature store; retry shortly.");
        }
    }

    private static Decision decision(LoadedModel model, double probability) {
        return WireDecisions.of(model.entry().thresholds().decide(probability));
    }

    private static void checkTime(Instant time, String fieldPrefix) {
        if (time.isBefore(ScoreRequest.EARLIEST) || time.isAfter(Instant.now().plus(MAX_CLOCK_AHEAD))) {
            throw new InvalidRequestException(List.of(new FieldProblem(
                    fieldPrefix + "transactionTime", "must lie between 2000-01-01T00:00:00Z and one day from now")));
        }
    }
}
