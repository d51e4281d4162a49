package io.cdp.transformer.scoring;

import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.features.online.MccRiskTables;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.scoring.artifact.ArtifactMetadata;
import io.cdp.scoring.artifact.ModelArtifact;
import io.cdp.trainer.online.MccRiskTableStore;
import io.cdp.trainer.online.OnlineCardTrainer;
import io.cdp.trainer.train.Progress;
import io.cdp.trainer.train.ThresholdSelector;
import io.cdp.trainer.train.TrainingParameters;
import io.cdp.transformer.features.StreamFeatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
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
 * features are {@link OnlineFeatures#SCHEMA}, or, where none has been published and configuration allows it (the
 * local profile), a small model trained on generated data through the model trainer's {@link OnlineCardTrainer} (the
 * path the scoring API's first local model takes too) and published with the MCC risk tables its training used.
 */
public final class StreamModels {

    /** The online card model of libs/cdp-features: the one the scoring API serves too. */
    public static final String MODEL_NAME = OnlineFeatures.MODEL_NAME;
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
                    boolean matches = a.metadata().featureNames().equals(OnlineFeatures.SCHEMA.names());
                    if (!matches) {
                        log.warn("model {} {} has other features than {}; not used", MODEL_NAME,
                                a.metadata().modelVersion(), OnlineFeatures.SCHEMA.fingerprint());
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

        static Trained of(OnlineCardTrainer.Trained t) {
            return new Trained(t.artifact(), t.xgboostBinary(), t.tables(), t.rows(), t.trees());
        }

        OnlineCardTrainer.Trained shared() {
            return new OnlineCardTrainer.Trained(artifact, xgboostBinary, tables, rows, trees);
        }
    }

    /**
     * Trains on generated history (30 days ending today) through the one training path of the online card model
     * ({@link OnlineCardTrainer}), validating on its last 5 days with the trainer's standard thresholds. The MCC risk
     * tables run one day past today, so live transactions of today find theirs.
     */
    public static Trained train(long seed, int cards) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate from = today.minusDays(30);
        List<TransactionRecordedV1> history = new SyntheticTransactions(seed).generate(cards,
                from.atStartOfDay().toInstant(ZoneOffset.UTC), Duration.ofDays(30), 3.0, 0.15);
        LocalDate validationFrom = today.minusDays(5);
        long validationFrauds = history.stream().filter(tx -> Boolean.TRUE.equals(tx.fraudLabel())
                && !LocalDate.ofInstant(tx.transactionTime(), ZoneOffset.UTC).isBefore(validationFrom)).count();
        if (validationFrauds < 10) {
            // thresholds and early stopping need frauds in the validation days; a small draw can have none
            return train(seed + 1, cards);
        }
        return Trained.of(OnlineCardTrainer.train(new OnlineCardTrainer.Plan(StreamFeatures.online(history), from,
                validationFrom, today, ThresholdSelector.standard(), TrainingParameters.defaults().withMaxRounds(120)),
                Progress.silent()));
    }

    /** Trains (see {@link #train}) and publishes artifact, registry item and label tables the trainer's way. */
    public ModelArtifact trainAndPublish(long seed, int cards) {
        long started = System.nanoTime();
        Trained trained = train(seed, cards);
        ArtifactMetadata meta = trained.artifact().metadata();
        OnlineCardTrainer.publish(s3, dynamoDb, modelsBucket, modelsTable, trained.shared());
        log.info("no published {} model: trained one at startup on generated data (local profile): version {}, {} rows, "
                        + "{} trees, validation auc={} ap={}, alert threshold {}, {} ms", MODEL_NAME, meta.modelVersion(),
                trained.rows(), trained.trees(), String.format("%.3f", meta.metrics().get("validation.auc")),
                String.format("%.3f", meta.metrics().get("validation.ap")), String.format("%.4f", meta.thresholds().alert()),
                (System.nanoTime() - started) / 1_000_000);
        return trained.artifact();
    }

    public MccRiskTables mccRiskTables() {
        return MccRiskTableStore.load(s3, modelsBucket);
    }
}
