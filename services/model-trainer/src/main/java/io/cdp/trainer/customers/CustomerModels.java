package io.cdp.trainer.customers;

import io.cdp.customers.analytics.CustomerBehaviour;
import io.cdp.customers.analytics.SegmentModel;
import io.cdp.features.online.OnlineTransaction;
import io.cdp.scoring.artifact.ArtifactMetadata;
import io.cdp.scoring.artifact.Thresholds;
import io.cdp.scoring.registry.ModelRegistry;
import io.cdp.trainer.clv.ClvTrainer;
import io.cdp.trainer.clv.Histories;
import io.cdp.trainer.clv.Histories.History;
import io.cdp.trainer.clv.Histories.Purchase;
import io.cdp.training.publish.PublishedModel;
import io.cdp.training.train.Progress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Trains the customer models on the lake's card transactions (customer token, day, amount; a card without a customer
 * token stands for its own customer) and registers them under {@value #SEGMENTS} and {@value #CLV} in the models
 * table, their artifacts in the models bucket: {@code <model>/<version>/model.json}.
 */
public final class CustomerModels {

    public static final String SEGMENTS = "customer-segments";
    public static final String CLV = "customer-clv";
    public static final String ARTIFACT_FILE = "model.json";

    /** Clusters of the segment model (fixed, like its seed, so a retrain on the same history gives the same model). */
    public static final int CLUSTERS = 6;

    public static final long SEED = 42;

    /** The CLV horizon: the next 90 days. */
    public static final int CLV_HORIZON_DAYS = 90;

    private CustomerModels() {}

    /** The transactions as customer histories (fraud-labelled ones are left out: they are not the customer's spend). */
    public static List<History> histories(List<OnlineTransaction> transactions) {
        List<Purchase> purchases = new ArrayList<>(transactions.size());
        for (OnlineTransaction t : transactions) {
            if (t.fraudLabel() || !t.errors().isEmpty()) {
                continue;
            }
            String customer = t.customerToken() != null ? t.customerToken() : t.cardToken();
            purchases.add(
                    new Purchase(customer, t.time().atOffset(ZoneOffset.UTC).toLocalDate(), 1, t.amount()));
        }
        return Histories.of(purchases);
    }

    /** The last day of the history. */
    public static LocalDate lastDay(List<History> histories) {
        return histories.stream()
                .flatMap(h -> h.days().stream())
                .map(d -> d.day())
                .max(LocalDate::compareTo)
                .orElseThrow(() -> new IllegalStateException("the lake holds no customer transactions"));
    }

    public static SegmentModel segments(List<History> histories, String version) {
        LocalDate asOf = lastDay(histories);
        List<CustomerBehaviour> behaviours = histories.stream()
                .map(h -> CustomerBehaviour.of(h.days(), asOf, h.firstSeen()))
                .toList();
        return SegmentModel.fit(behaviours, CLUSTERS, SEED, version);
    }

    /**
     * The CLV model on windows cut inside the history: a quarter when the history is long enough, else a third of
     * it (a short demo history still trains, with a window to match).
     */
    public static ClvTrainer.Result clv(List<History> histories, String version, Progress progress) {
        LocalDate end = lastDay(histories);
        LocalDate start = histories.stream()
                .map(History::firstSeen)
                .min(LocalDate::compareTo)
                .orElseThrow();
        int span = (int) ChronoUnit.DAYS.between(start, end);
        ClvTrainer.Settings d = ClvTrainer.Settings.defaults();
        int window = Math.max(7, Math.min(d.windowDays(), span / 3));
        int step = Math.max(1, Math.min(d.stepDays(), window / 3));
        ClvTrainer.Settings settings = new ClvTrainer.Settings(
                window,
                step,
                d.maxCutoffs(),
                Math.min(d.minHistoryDays(), Math.max(1, span - window - step * 2)),
                d.target(),
                d.horizonScaling(),
                d.maxDepth(),
                d.eta(),
                d.minChildWeight(),
                d.subsample(),
                d.maxRounds(),
                d.earlyStoppingRounds(),
                d.stoppingMetric(),
                d.targetCapQuantile(),
                d.powerFit(),
                d.seed());
        return new ClvTrainer(settings, progress).train(histories, end, CLV_HORIZON_DAYS, version);
    }

    /** Stores the artifact and registers it (REGISTERED; promotion makes it LIVE). */
    public static PublishedModel publish(
            S3Client s3,
            DynamoDbClient dynamoDb,
            String bucket,
            String table,
            String modelName,
            String version,
            byte[] artifact,
            LocalDate from,
            LocalDate to,
            Map<String, Double> metrics,
            Map<String, String> parameters) {
        String key = modelName + "/" + version + "/" + ARTIFACT_FILE;
        s3.putObject(
                PutObjectRequest.builder()
                        .bucket(bucket)
                        .key(key)
                        .contentType("application/json")
                        .build(),
                RequestBody.fromBytes(artifact));
        String uri = "s3://" + bucket + "/" + key;
        ArtifactMetadata meta = new ArtifactMetadata(
                version,
                modelName,
                CustomerBehaviour.FEATURE_NAMES,
                from,
                to,
                metrics,
                new Thresholds(0, 0, 0, "none: not a classifier"),
                sha256(artifact),
                "n/a",
                parameters,
                Instant.now());
        // the registry item last, so an entry always points at a complete object; no SageMaker package for these
        new ModelRegistry(dynamoDb, table, modelName).register(meta, uri, uri);
        return new PublishedModel(modelName, version, uri, uri);
    }

    /** A version name: the model, the history's last day and the time of training. */
    public static String version(String modelName, LocalDate lastDay, Instant now) {
        return modelName + "-" + lastDay + "-" + now.getEpochSecond();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
