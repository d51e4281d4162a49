package io.cdp.training.online;

import io.cdp.features.online.MccRiskTableStore;
import io.cdp.features.online.MccRiskTables;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.features.online.OnlineTransaction;
import io.cdp.features.online.TransactionIds;
import io.cdp.scoring.artifact.ArtifactMetadata;
import io.cdp.scoring.artifact.ModelArtifact;
import io.cdp.scoring.artifact.Thresholds;
import io.cdp.scoring.metrics.EvaluationCurves;
import io.cdp.scoring.metrics.RankingMetrics;
import io.cdp.scoring.model.XgboostJsonParser;
import io.cdp.scoring.model.XgboostModel;
import io.cdp.scoring.registry.ModelRegistry;
import io.cdp.training.dataset.Fingerprint;
import io.cdp.training.dataset.TrainingRows;
import io.cdp.training.publish.ModelPublisher;
import io.cdp.training.publish.PublishedModel;
import io.cdp.training.train.Progress;
import io.cdp.training.train.ThresholdSelector;
import io.cdp.training.train.TrainedModel;
import io.cdp.training.train.TrainingParameters;
import io.cdp.training.train.XgboostTrainer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Trains the online card model from labelled transactions: MCC risk tables from the labels (with their delay), one
 * row per transaction with {@link OnlineFeatures#batch} (the values the stream and the API compute one at a time),
 * XGBoost on the days before {@code validationFrom}, thresholds chosen on the days from it, and an artifact named
 * {@link OnlineFeatures#MODEL_NAME}. Where the transactions come from (real history, generated data) is the caller's.
 */
public final class OnlineCardTrainer {

    private static final DateTimeFormatter VERSION =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private OnlineCardTrainer() {}

    /**
     * @param history        labelled transactions in time order, from {@code from} to {@code to} (inclusive days)
     * @param validationFrom first day of the validation part
     * @param selector       how thresholds are chosen on the validation scores
     */
    public record Plan(
            List<OnlineTransaction> history,
            LocalDate from,
            LocalDate validationFrom,
            LocalDate to,
            ThresholdSelector selector,
            TrainingParameters parameters) {

        public Plan {
            history = List.copyOf(history);
        }
    }

    /**
     * A trained model with the label tables its rows were computed with (publish them together) and its ROC and PR
     * curves on the validation days (published as the version's {@value EvaluationCurves#NOTE} note).
     */
    public record Trained(
            ModelArtifact artifact,
            byte[] xgboostBinary,
            MccRiskTables tables,
            int rows,
            int trees,
            EvaluationCurves curves) {}

    public static Trained train(Plan plan, Progress progress) {
        List<OnlineTransaction> history = plan.history();
        // a table for every day through the day after the data, so transactions scored "today" find theirs
        MccRiskTables tables =
                MccRiskTables.fromTransactions(history, plan.from(), plan.to().plusDays(1));
        double[][] features = OnlineFeatures.batch(history, tables.context());
        boolean[] labels = new boolean[history.size()];
        LocalDate[] days = new LocalDate[history.size()];
        long[] cards = new long[history.size()];
        for (int i = 0; i < labels.length; i++) {
            OnlineTransaction tx = history.get(i);
            labels[i] = tx.fraudLabel();
            days[i] = LocalDate.ofInstant(tx.time(), ZoneOffset.UTC);
            cards[i] = TransactionIds.of(tx.cardToken());
        }
        TrainingRows all = new TrainingRows(OnlineFeatures.SCHEMA.names(), features, labels, days, cards);
        LocalDate trainTo = plan.validationFrom().minusDays(1);
        TrainingRows train = all.between(plan.from(), trainTo);
        TrainingRows validation = all.between(plan.validationFrom(), plan.to());
        progress.report(String.format(
                "training on %d transactions (%d fraud), validating on %d (%d fraud)",
                train.size(), train.positives(), validation.size(), validation.positives()));
        TrainedModel model = new XgboostTrainer(progress).train(train, validation, plan.parameters());
        XgboostModel parsed = XgboostJsonParser.parse(model.modelJson());
        double[] scores = new double[validation.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = parsed.ensemble().predict(validation.features()[i]);
        }
        Thresholds thresholds = plan.selector().select(scores, validation.labels());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("validation.auc", RankingMetrics.rocAuc(scores, validation.labels()));
        metrics.put("validation.ap", RankingMetrics.averagePrecision(scores, validation.labels()));
        metrics.put("train.rows", (double) train.size());
        metrics.put("validation.rows", (double) validation.size());
        Instant now = Instant.now();
        String fingerprint = Fingerprint.of(train);
        String version = VERSION.format(now) + "-" + fingerprint.substring(0, 8);
        ArtifactMetadata metadata = new ArtifactMetadata(
                version,
                OnlineFeatures.MODEL_NAME,
                OnlineFeatures.SCHEMA.names(),
                plan.from(),
                trainTo,
                metrics,
                thresholds,
                fingerprint,
                parsed.version(),
                model.parameters(),
                now);
        return new Trained(
                new ModelArtifact(metadata, model.modelJson()),
                model.modelBinary(),
                tables,
                train.size(),
                model.rounds(),
                EvaluationCurves.of(scores, validation.labels()));
    }

    /**
     * Publishes the label tables, then artifact and registry item (status REGISTERED) the trainer's way, then the
     * validation curves as a note of that version (what the scoring API's evaluation endpoint and the console draw).
     */
    public static PublishedModel publish(
            S3Client s3, DynamoDbClient dynamoDb, String modelsBucket, String modelsTable, Trained trained) {
        MccRiskTableStore.publish(s3, modelsBucket, trained.tables());
        PublishedModel published = new ModelPublisher(s3, dynamoDb, modelsBucket, modelsTable)
                .publish(trained.artifact(), trained.xgboostBinary());
        new ModelRegistry(dynamoDb, modelsTable, published.modelName())
                .setNote(
                        published.version(),
                        EvaluationCurves.NOTE,
                        trained.curves().toNote());
        return published;
    }
}
