package io.cdp.scoringapi.model;

import io.cdp.events.resources.CdpResources;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.trainer.online.OnlineCardTrainer;
import io.cdp.trainer.publish.PublishedModel;
import io.cdp.trainer.train.Progress;
import io.cdp.trainer.train.ThresholdSelector;
import io.cdp.trainer.train.TrainingParameters;
import java.time.LocalDate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The first model of the local profile: {@link SyntheticCardData} through the model trainer's
 * {@link OnlineCardTrainer}, the one training path of the online card model ({@link OnlineFeatures#MODEL_NAME} over
 * {@link OnlineFeatures#SCHEMA}, the stream transformer's startup model too). Used by the local profile when the
 * registry is empty and by the integration tests; never in production.
 */
public final class LocalModelTrainer {

    public static final int CARDS = 600;
    public static final int DAYS = 21;
    public static final int BURSTS = 80;
    public static final LocalDate FROM = LocalDate.of(2026, 1, 5);

    /**
     * The trainer's operating points, except review at recall 0.7 rather than 0.8: the first probe of a generated
     * burst looks like any online purchase, so chasing 80 % recall drags the review cut-off down to ordinary scores.
     */
    private static final ThresholdSelector SELECTOR = new ThresholdSelector(0.70, 0.50, 0.90);

    private LocalModelTrainer() {
    }

    /** Generates data for {@code seed}, trains on the first two weeks and picks thresholds on the third. */
    public static OnlineCardTrainer.Trained train(long seed, Progress progress) {
        return OnlineCardTrainer.train(new OnlineCardTrainer.Plan(
                SyntheticCardData.generate(seed, CARDS, FROM, DAYS, BURSTS), FROM, FROM.plusDays(14),
                FROM.plusDays(DAYS - 1), SELECTOR, TrainingParameters.defaults().withMaxRounds(120)), progress);
    }

    /**
     * Trains and publishes to the models bucket and registry (status REGISTERED; promote it to serve), with the MCC
     * risk tables its rows were computed with.
     */
    public static PublishedModel trainAndPublish(S3Client s3, DynamoDbClient dynamoDb, CdpResources names, long seed,
                                                 Progress progress) {
        return OnlineCardTrainer.publish(s3, dynamoDb, names.bucket(CdpResources.Bucket.MODELS),
                names.table(CdpResources.Table.MODELS), train(seed, progress));
    }
}
