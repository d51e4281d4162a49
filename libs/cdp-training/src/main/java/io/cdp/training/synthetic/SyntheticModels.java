package io.cdp.training.synthetic;

import io.cdp.datagen.SyntheticCardHistory;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.resources.CdpResources;
import io.cdp.features.online.WireTransactions;
import io.cdp.scoring.registry.ModelRegistry;
import io.cdp.training.online.OnlineCardTrainer;
import io.cdp.training.publish.PublishedModel;
import io.cdp.training.train.Progress;
import io.cdp.training.train.ThresholdSelector;
import io.cdp.training.train.TrainingParameters;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Online card models trained on {@link SyntheticCardHistory}, through the one training path of the online card model
 * ({@link OnlineCardTrainer}): fixtures for the services' tests and benchmarks, and the model-trainer job's
 * {@code train --source synthetic} where no history has been loaded. Never a production model.
 */
public final class SyntheticModels {

    /** The card-testing recipe: 600 cards, 21 days from 2026-01-05, 80 attacks; two weeks train, one validates. */
    public static final int CARDS = 600;

    public static final int DAYS = 21;
    public static final int BURSTS = 80;
    public static final LocalDate FROM = LocalDate.of(2026, 1, 5);

    /**
     * The trainer's operating points, except review at recall 0.7 rather than 0.8: the first probe of a generated
     * burst looks like any online purchase, so chasing 80 % recall drags the review cut-off down to ordinary scores.
     */
    private static final ThresholdSelector CARD_TESTING_SELECTOR = new ThresholdSelector(0.70, 0.50, 0.90);

    private SyntheticModels() {}

    /** {@link SyntheticCardHistory#cardTesting} for {@code seed}: trains on the first two weeks, thresholds on the third. */
    public static OnlineCardTrainer.Trained cardTesting(long seed, Progress progress) {
        return OnlineCardTrainer.train(
                new OnlineCardTrainer.Plan(
                        SyntheticCardHistory.cardTesting(seed, CARDS, FROM, DAYS, BURSTS),
                        FROM,
                        FROM.plusDays(14),
                        FROM.plusDays(DAYS - 1),
                        CARD_TESTING_SELECTOR,
                        TrainingParameters.defaults().withMaxRounds(120)),
                progress);
    }

    /**
     * {@link SyntheticCardHistory#takeovers} of {@code cards} cards over the 30 days ending today, validating on the
     * last 5 days with the trainer's standard thresholds. The MCC risk tables run one day past today, so live
     * transactions of today find theirs.
     */
    public static OnlineCardTrainer.Trained takeovers(long seed, int cards, Progress progress) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate from = today.minusDays(30);
        List<TransactionRecordedV1> history = SyntheticCardHistory.takeovers(
                seed, cards, from.atStartOfDay().toInstant(ZoneOffset.UTC), Duration.ofDays(30), 3.0, 0.15);
        LocalDate validationFrom = today.minusDays(5);
        long validationFrauds = history.stream()
                .filter(tx -> Boolean.TRUE.equals(tx.fraudLabel())
                        && !LocalDate.ofInstant(tx.transactionTime(), ZoneOffset.UTC)
                                .isBefore(validationFrom))
                .count();
        if (validationFrauds < 10) {
            // thresholds and early stopping need frauds in the validation days; a small draw can have none
            return takeovers(seed + 1, cards, progress);
        }
        return OnlineCardTrainer.train(
                new OnlineCardTrainer.Plan(
                        WireTransactions.online(history),
                        from,
                        validationFrom,
                        today,
                        ThresholdSelector.standard(),
                        TrainingParameters.defaults().withMaxRounds(120)),
                progress);
    }

    /** Publishes, then promotes: the model every scorer of the namespace serves from then on (tests and fixtures). */
    public static PublishedModel publishLive(
            S3Client s3, DynamoDbClient dynamoDb, CdpResources names, OnlineCardTrainer.Trained trained) {
        PublishedModel published = publish(s3, dynamoDb, names, trained);
        new ModelRegistry(dynamoDb, names.table(CdpResources.Table.MODELS), published.modelName())
                .promote(published.version(), Instant.now());
        return published;
    }

    /**
     * What the model-trainer job and a promotion do before a scorer starts, for tests: {@link #takeovers} (seed 5, 200
     * cards) published with its MCC risk tables and made live. Returns the trained model, thresholds and tables.
     */
    public static OnlineCardTrainer.Trained publishLiveFixture(
            S3Client s3, DynamoDbClient dynamoDb, CdpResources names) {
        OnlineCardTrainer.Trained trained = takeovers(5, 200, Progress.silent());
        publishLive(s3, dynamoDb, names, trained);
        return trained;
    }

    /** Publishes a trained model with its MCC risk tables (status REGISTERED: promote it to serve). */
    public static PublishedModel publish(
            S3Client s3, DynamoDbClient dynamoDb, CdpResources names, OnlineCardTrainer.Trained trained) {
        return OnlineCardTrainer.publish(
                s3,
                dynamoDb,
                names.bucket(CdpResources.Bucket.MODELS),
                names.table(CdpResources.Table.MODELS),
                trained);
    }
}
