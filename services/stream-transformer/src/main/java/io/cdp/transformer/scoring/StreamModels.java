package io.cdp.transformer.scoring;

import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.features.labels.LabelledEvent;
import io.cdp.scoring.artifact.ArtifactMetadata;
import io.cdp.scoring.artifact.ModelArtifact;
import io.cdp.scoring.artifact.Thresholds;
import io.cdp.scoring.metrics.RankingMetrics;
import io.cdp.scoring.model.XgboostJsonParser;
import io.cdp.trainer.dataset.Fingerprint;
import io.cdp.trainer.dataset.TrainingRows;
import io.cdp.trainer.publish.ModelPublisher;
import io.cdp.trainer.train.Progress;
import io.cdp.trainer.train.ThresholdSelector;
import io.cdp.trainer.train.TrainedModel;
import io.cdp.trainer.train.TrainingParameters;
import io.cdp.trainer.train.XgboostTrainer;
import io.cdp.transformer.features.MccRiskTables;
import io.cdp.transformer.features.StreamFeatures;
import io.cdp.transformer.features.TransactionIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where the transformer's model comes from: the newest version of {@link #MODEL_NAME} in the model registry whose
 * features are the stream's, or, where none has been published and configuration allows it (the local profile),
 * a small model trained here with the trainer's code on generated data and published the trainer's way, together
 * with the MCC risk tables its training used.
 */
public final class StreamModels {

    public static final String MODEL_NAME = "fraud-stream-card";
    private static final Logger log = LoggerFactory.getLogger(StreamModels.class);

    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final String modelsBucket;
    private final String modelsTable;

    public StreamModels(S3Client s3, DynamoDbClient dynamoDb, String modelsBucket, String modelsTable) {
        this.s3 = s3;
        this.dynamoDb = dynamoDb;
        this.modelsBucket = modelsBucket;
        this.modelsTable = modelsTable;
    }

    /** The newest registered artifact of the stream model with the stream's feature order, if any. */
    public Optional<ModelArtifact> latest() {
        var items = dynamoDb.queryPaginator(b -> b.tableName(modelsTable).keyConditionExpression("modelName = :m")
                .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(MODEL_NAME))).consistentRead(true)).items();
        return items.stream()
                .filter(i -> !"RETIRED".equals(i.getOrDefault("status", AttributeValue.fromS("")).s()))
                .max(Comparator.comparing(i -> i.get("version").s()))
                .map(i -> load(URI.create(i.get("artifactUri").s())))
                .filter(a -> {
                    boolean matches = a.metadata().featureNames().equals(StreamFeatures.SCHEMA.names());
                    if (!matches) {
                        log.warn("model {} {} has other features than {}; not used", MODEL_NAME,
                                a.metadata().modelVersion(), StreamFeatures.SCHEMA.fingerprint());
                    }
                    return matches;
                });
    }

    private ModelArtifact load(URI artifactUri) {
        String key = artifactUri.getPath().substring(1);
        try {
            return ModelArtifact.fromZip(s3.getObjectAsBytes(b -> b.bucket(artifactUri.getHost()).key(key)).asByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model artifact " + artifactUri, e);
        }
    }

    /** A model trained here, with the label tables its features were computed with. */
    public record Trained(ModelArtifact artifact, byte[] xgboostBinary, MccRiskTables tables, int rows, int trees) {
    }

    /**
     * Trains on generated history (30 days ending today), validates on its last 5 days and chooses thresholds the
     * trainer's way. The MCC risk tables run one day past today, so live transactions of today find theirs.
     */
    public static Trained train(long seed, int cards) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate from = today.minusDays(30);
        List<TransactionRecordedV1> history = new SyntheticTransactions(seed).generate(cards,
                from.atStartOfDay().toInstant(ZoneOffset.UTC), Duration.ofDays(30), 3.0, 0.15);
        long validationFrauds = history.stream().filter(tx -> Boolean.TRUE.equals(tx.fraudLabel())
                && !LocalDate.ofInstant(tx.transactionTime(), ZoneOffset.UTC).isBefore(today.minusDays(5))).count();
        if (validationFrauds < 10) {
            // thresholds and early stopping need frauds in the validation days; a small draw can have none
            return train(seed + 1, cards);
        }
        MccRiskTables tables = MccRiskTables.build(labelled(history), from, today.plusDays(1));
        double[][] rows = StreamFeatures.batch(history, tables.context());
        boolean[] labels = new boolean[history.size()];
        LocalDate[] days = new LocalDate[history.size()];
        long[] cardIds = new long[history.size()];
        for (int i = 0; i < labels.length; i++) {
            TransactionRecordedV1 tx = history.get(i);
            labels[i] = Boolean.TRUE.equals(tx.fraudLabel());
            days[i] = LocalDate.ofInstant(tx.transactionTime(), ZoneOffset.UTC);
            cardIds[i] = TransactionIds.of(tx.cardToken().value());
        }
        TrainingRows all = new TrainingRows(StreamFeatures.SCHEMA.names(), rows, labels, days, cardIds);
        LocalDate trainTo = today.minusDays(6);
        TrainingRows train = all.between(from, trainTo);
        TrainingRows valid = all.between(trainTo.plusDays(1), today);
        TrainingParameters params = TrainingParameters.defaults().withMaxRounds(120);
        TrainedModel model = new XgboostTrainer(Progress.silent()).train(train, valid, params);
        var ensemble = XgboostJsonParser.parse(model.modelJson()).ensemble();
        double[] scores = new double[valid.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = ensemble.predict(valid.features()[i]);
        }
        Map<String, Double> metrics = new HashMap<>();
        metrics.put("validation.auc", RankingMetrics.rocAuc(scores, valid.labels()));
        metrics.put("validation.ap", RankingMetrics.averagePrecision(scores, valid.labels()));
        Thresholds thresholds = ThresholdSelector.standard().select(scores, valid.labels());
        Instant now = Instant.now();
        String fingerprint = Fingerprint.of(train);
        String version = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(now)
                + "-" + fingerprint.substring(0, 8);
        ModelArtifact artifact = new ModelArtifact(new ArtifactMetadata(version, MODEL_NAME, StreamFeatures.SCHEMA.names(),
                from, trainTo, metrics, thresholds, fingerprint, "3.4.0", model.parameters(), now), model.modelJson());
        return new Trained(artifact, model.modelBinary(), tables, train.size(), model.rounds());
    }

    /** Trains (see {@link #train}) and publishes artifact, registry item and label tables the trainer's way. */
    public ModelArtifact trainAndPublish(long seed, int cards) {
        long started = System.nanoTime();
        Trained trained = train(seed, cards);
        ArtifactMetadata meta = trained.artifact().metadata();
        trained.tables().publish(s3, modelsBucket);
        new ModelPublisher(s3, dynamoDb, modelsBucket, modelsTable).publish(trained.artifact(), trained.xgboostBinary());
        log.info("no published {} model: trained one at startup on generated data (local profile): version {}, {} rows, "
                        + "{} trees, validation auc={} ap={}, alert threshold {}, {} ms", MODEL_NAME, meta.modelVersion(),
                trained.rows(), trained.trees(), String.format("%.3f", meta.metrics().get("validation.auc")),
                String.format("%.3f", meta.metrics().get("validation.ap")), String.format("%.4f", meta.thresholds().alert()),
                (System.nanoTime() - started) / 1_000_000);
        return trained.artifact();
    }

    public MccRiskTables mccRiskTables() {
        return MccRiskTables.load(s3, modelsBucket);
    }

    static List<LabelledEvent> labelled(List<TransactionRecordedV1> history) {
        return history.stream().map(tx -> new LabelledEvent(Integer.toString(tx.mcc()),
                LocalDateTime.ofInstant(tx.transactionTime(), ZoneOffset.UTC), Boolean.TRUE.equals(tx.fraudLabel()))).toList();
    }
}
