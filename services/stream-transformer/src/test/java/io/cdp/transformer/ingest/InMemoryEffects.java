package io.cdp.transformer.ingest;

import io.cdp.events.Envelope;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.FraudAlertRequestedV1;
import io.cdp.events.payload.TransactionScoredV1;
import io.cdp.scoring.scorer.InProcessScorer;
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

/** Every port of the pipeline in memory, with the same idempotency rules as the AWS implementations. */
final class InMemoryEffects {

    static final OnlineCardTrainer.Trained MODEL = SyntheticModels.takeovers(42, 200, Progress.silent());

    final InMemoryFeatureStore store = new InMemoryFeatureStore();
    final List<Envelope<TransactionScoredV1>> scored = new ArrayList<>();
    /** object key to rows: a put to an existing key replaces it, as S3 does */
    final Map<String, List<ScoredRow>> lake = new ConcurrentHashMap<>();

    final Set<String> alertClaims = ConcurrentHashMap.newKeySet();
    final List<Envelope<FraudAlertRequestedV1>> alertsSent = new ArrayList<>();
    final List<DeadLetter> deadLetters = new ArrayList<>();

    TransactionPipeline pipeline() {
        return pipeline(store);
    }

    /** The pipeline with another feature store (the DynamoDB one against the emulator) and every other port here. */
    TransactionPipeline pipeline(FeatureStore featureStore) {
        InProcessScorer inProcess = new InProcessScorer(MODEL.artifact());
        FraudScorer scorer = new FraudScorer(
                inProcess, inProcess, MODEL.artifact().metadata().thresholds(), 3);
        ScoredEventSink scoredSink = events -> {
            synchronized (scored) {
                scored.addAll(events);
            }
        };
        LakeSink lakeSink = (stream, shard, rows) ->
                LakeObjects.plan(stream, shard, rows).forEach(p -> lake.put(p.key(), p.rows()));
        AlertSink alertSink = alert -> {
            if (!alertClaims.add(alert.payload().transactionId())) {
                return false;
            }
            synchronized (alertsSent) {
                alertsSent.add(alert);
            }
            return true;
        };
        DeadLetterSink dlq = letters -> {
            synchronized (deadLetters) {
                deadLetters.addAll(letters);
            }
        };
        return new TransactionPipeline(
                new EventCodec(),
                featureStore,
                MODEL.tables()::context,
                () -> scorer,
                scoredSink,
                lakeSink,
                alertSink,
                dlq,
                PipelineMetrics.NONE,
                Runnable::run,
                new Retry(1, 10, PipelineMetrics.NONE),
                Clock.systemUTC(),
                "stream-transformer");
    }

    List<ScoredRow> lakeRows() {
        return lake.values().stream().flatMap(List::stream).toList();
    }
}
