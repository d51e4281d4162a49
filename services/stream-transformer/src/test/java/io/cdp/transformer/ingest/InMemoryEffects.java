package io.cdp.transformer.ingest;

import io.cdp.events.Envelope;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.FraudAlertRequestedV1;
import io.cdp.events.payload.TransactionScoredV1;
import io.cdp.scoring.scorer.InProcessScorer;
import io.cdp.scoring.scorer.Scorer;
import io.cdp.training.online.OnlineCardTrainer;
import io.cdp.training.synthetic.SyntheticModels;
import io.cdp.training.train.Progress;
import io.cdp.transformer.alerts.AlertSink;
import io.cdp.transformer.features.FeatureStore;
import io.cdp.transformer.features.InMemoryFeatureStore;
import io.cdp.transformer.lake.LakeObjects;
import io.cdp.transformer.lake.LakeSink;
import io.cdp.transformer.lake.ScoredRow;
import io.cdp.transformer.ops.PipelineMetrics;
import io.cdp.transformer.scoring.FraudScorer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Every port of the pipeline in memory, with the same idempotency rules as the AWS implementations. */
final class InMemoryEffects {

    static final OnlineCardTrainer.Trained MODEL = SyntheticModels.takeovers(42, 200, Progress.silent());

    final InMemoryFeatureStore store = new InMemoryFeatureStore();
    final List<Envelope<TransactionScoredV1>> scored = new ArrayList<>();
    /** object key to rows: a put to an existing key replaces it, as S3 does */
    final Map<String, List<ScoredRow>> lake = new ConcurrentHashMap<>();

    final Set<String> alertClaims = ConcurrentHashMap.newKeySet();
    final List<Envelope<FraudAlertRequestedV1>> alertsSent = new ArrayList<>();
    final List<Poison> quarantined = new ArrayList<>();
    /** transaction id to the position that first carried it, as the claims table holds it */
    final Map<String, String> claims = new ConcurrentHashMap<>();
    /** wraps the scorer of every pipeline made after it is set: tests make it throw */
    UnaryOperator<Scorer> scorerWrapper = UnaryOperator.identity();
    /** the version in its shadow period, read by every batch (null: none shadows) */
    volatile io.cdp.transformer.scoring.ShadowModel shadow;
    /** transaction ids whose alert request fails, every time */
    java.util.function.Predicate<String> alertRefused = transactionId -> false;

    TransactionPipeline pipeline() {
        return pipeline(store);
    }

    /** The pipeline with another feature store (the DynamoDB one against the emulator) and every other port here. */
    TransactionPipeline pipeline(FeatureStore featureStore) {
        InProcessScorer inProcess = new InProcessScorer(MODEL.artifact());
        FraudScorer scorer = new FraudScorer(
                scorerWrapper.apply(inProcess),
                inProcess,
                MODEL.artifact().metadata().thresholds(),
                3);
        ScoredEventSink scoredSink = events -> {
            synchronized (scored) {
                scored.addAll(events);
            }
        };
        LakeSink lakeSink = (stream, shard, rows) ->
                LakeObjects.plan(stream, shard, rows).forEach(p -> lake.put(p.key(), p.rows()));
        AlertSink alertSink = alert -> {
            if (alertRefused.test(alert.payload().transactionId())) {
                throw new IllegalStateException("alert refused");
            }
            if (!alertClaims.add(alert.payload().transactionId())) {
                return false;
            }
            synchronized (alertsSent) {
                alertsSent.add(alert);
            }
            return true;
        };
        QuarantineSink quarantine = (stream, shard, poison) -> {
            synchronized (quarantined) {
                quarantined.addAll(poison);
            }
        };
        TransactionClaims claimTable = (transactionId, stream, shard, sequence) -> {
            String position = stream + "/" + shard + "/" + sequence;
            return claims.computeIfAbsent(transactionId, t -> position).equals(position);
        };
        return new TransactionPipeline(
                new EventCodec(),
                featureStore,
                MODEL.tables()::context,
                () -> scorer,
                () -> shadow,
                scoredSink,
                lakeSink,
                alertSink,
                quarantine,
                claimTable,
                PipelineMetrics.NONE,
                Runnable::run,
                new Retry(1, 10, 3, PipelineMetrics.NONE),
                Clock.systemUTC(),
                "stream-transformer");
    }

    List<ScoredRow> lakeRows() {
        return lake.values().stream().flatMap(List::stream).toList();
    }
}
