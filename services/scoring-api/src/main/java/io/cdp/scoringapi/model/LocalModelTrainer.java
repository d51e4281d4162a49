package io.cdp.scoringapi.model;

import io.cdp.events.resources.CdpResources;
import io.cdp.scoring.artifact.ArtifactMetadata;
import io.cdp.scoring.artifact.ModelArtifact;
import io.cdp.scoring.artifact.Thresholds;
import io.cdp.scoring.metrics.RankingMetrics;
import io.cdp.scoring.model.XgboostJsonParser;
import io.cdp.scoring.scorer.InProcessScorer;
import io.cdp.scoringapi.features.CardState;
import io.cdp.scoringapi.features.OnlineFeatures;
import io.cdp.trainer.dataset.Fingerprint;
import io.cdp.trainer.dataset.TrainingRows;
import io.cdp.trainer.publish.ModelPublisher;
import io.cdp.trainer.publish.PublishedModel;
import io.cdp.trainer.train.Progress;
import io.cdp.trainer.train.ThresholdSelector;
import io.cdp.trainer.train.TrainedModel;
import io.cdp.trainer.train.TrainingParameters;
import io.cdp.trainer.train.XgboostTrainer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Trains the online model on {@link SyntheticCardData} with the model trainer's own code (XGBoost, validation
 * thresholds, publisher), computing every row with {@link OnlineFeatures}, the code that serves. Used by the local
 * profile when the registry is empty and by the integration tests; never in production.
 */
public final class LocalModelTrainer {

    public static final int CARDS = 600;
    public static final int DAYS = 21;
    public static final int BURSTS = 80;
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * The trainer's operating points, except review at recall 0.7 rather than 0.8: the first probe of a generated
     * burst looks like any online purchase, so chasing 80 % recall drags the review cut-off down to ordinary scores.
     */
    private static final ThresholdSelector SELECTOR = new ThresholdSelector(0.70, 0.50, 0.90);

    private LocalModelTrainer() {
    }

    public record Trained(ModelArtifact artifact, TrainedModel model) {
    }

    /** Generates data for {@code seed}, trains on the first two weeks and picks thresholds on the third. */
    public static Trained train(String modelName, long seed, Progress progress) {
        LocalDate from = LocalDate.of(2026, 1, 5);
        List<SyntheticCardData.Labelled> data = SyntheticCardData.generate(seed, CARDS, from, DAYS, BURSTS);
        TrainingRows rows = rows(data);
        LocalDate validationFrom = from.plusDays(14);
        TrainingRows train = rows.where(i -> rows.days()[i].isBefore(validationFrom));
        TrainingRows validation = rows.where(i -> !rows.days()[i].isBefore(validationFrom));
        progress.report(String.format("training on %d generated transactions (%d fraud), validating on %d (%d fraud)",
                train.size(), train.positives(), validation.size(), validation.positives()));
        TrainedModel trained = new XgboostTrainer(progress).train(train, validation,
                TrainingParameters.defaults().withMaxRounds(120));
        Instant now = Instant.now();
        String version = VERSION.format(now) + "-synthetic-" + Long.toHexString(seed & 0xffff);
        InProcessScorer scorer = new InProcessScorer(version, rows.featureNames(),
                XgboostJsonParser.parse(trained.modelJson()).ensemble());
        double[] scores = new double[validation.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = scorer.score(validation.features()[i]);
        }
        Thresholds thresholds = SELECTOR.select(scores, validation.labels());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("validation.auc", RankingMetrics.rocAuc(scores, validation.labels()));
        metrics.put("validation.ap", RankingMetrics.averagePrecision(scores, validation.labels()));
        metrics.put("train.rows", (double) train.size());
        metrics.put("validation.rows", (double) validation.size());
        ArtifactMetadata metadata = new ArtifactMetadata(version, modelName, rows.featureNames(), from,
                from.plusDays(DAYS - 1), metrics, thresholds, Fingerprint.of(train),
                XgboostJsonParser.parse(trained.modelJson()).version(), trained.parameters(), now);
        return new Trained(new ModelArtifact(metadata, trained.modelJson()), trained);
    }

    /** Trains and publishes to the models bucket and registry (status REGISTERED; promote it to serve). */
    public static PublishedModel trainAndPublish(S3Client s3, DynamoDbClient dynamoDb, CdpResources names,
                                                 String modelName, long seed, Progress progress) {
        Trained trained = train(modelName, seed, progress);
        return new ModelPublisher(s3, dynamoDb, names.bucket(CdpResources.Bucket.MODELS),
                names.table(CdpResources.Table.MODELS)).publish(trained.artifact(), trained.model().modelBinary());
    }

    /** One row per transaction, in time order, each from its card's state before it (point in time). */
    static TrainingRows rows(List<SyntheticCardData.Labelled> data) {
        Map<String, CardState> states = new HashMap<>();
        double[][] features = new double[data.size()][];
        boolean[] labels = new boolean[data.size()];
        LocalDate[] days = new LocalDate[data.size()];
        long[] cards = new long[data.size()];
        for (int i = 0; i < data.size(); i++) {
            var tx = data.get(i).tx();
            CardState state = states.getOrDefault(tx.cardToken(), CardState.empty());
            OnlineFeatures.Computed computed = OnlineFeatures.compute(state, tx);
            if (computed.values() == null) {
                throw new IllegalStateException("generated data is in time order; nothing can be too late");
            }
            states.put(tx.cardToken(), computed.next());
            features[i] = computed.values();
            labels[i] = data.get(i).fraud();
            days[i] = LocalDate.ofInstant(tx.time(), ZoneOffset.UTC);
            cards[i] = OnlineFeatures.id(tx.cardToken());
        }
        return new TrainingRows(OnlineFeatures.SCHEMA.names(), features, labels, days, cards);
    }
}
