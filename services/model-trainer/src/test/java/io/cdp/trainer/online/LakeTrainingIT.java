package io.cdp.trainer.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.datagen.SyntheticCardHistory;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.resources.CdpResources;
import io.cdp.features.online.FeatureStoreDynamo;
import io.cdp.features.online.FeatureStoreItem;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.lake.LakeLayout;
import io.cdp.lake.RawTransactions;
import io.cdp.scoring.registry.ModelEntry;
import io.cdp.scoring.registry.ModelRegistry;
import io.cdp.trainer.TrainerApplication;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The trainer job on a lake holding a history, as core banking's extraction writes it: the model is trained on it
 * with thresholds for the configured alert share, registered and (asked to) promoted; the backfill leaves every card's
 * end-of-history state in the feature store, and a second backfill changes nothing.
 */
@AwsEmulatorTest
class LakeTrainingIT {

    private static int run(CdpResources names, AwsEmulator emulator, String... jobArguments) {
        List<String> args = new ArrayList<>(List.of(
                "--cdp.aws.endpoint=" + emulator.endpoint(),
                "--cdp.aws.namespace=" + names.namespace(),
                "--logging.structured.format.console="));
        args.addAll(List.of(jobArguments));
        return SpringApplication.exit(SpringApplication.run(TrainerApplication.class, args.toArray(String[]::new)));
    }

    @Test
    void trainsOnTheLakesHistoryPromotesAndBackfillsTheFeatureStore(
            AwsClients clients, CdpResources names, AwsEmulator emulator) {
        assertThat(run(names, emulator, "--cdp.trainer.job=train", "--cdp.trainer.source=lake"))
                .as("an empty lake is refused with what to do")
                .isEqualTo(2);

        List<TransactionRecordedV1> history = SyntheticCardHistory.takeovers(
                21,
                150,
                Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(40)),
                Duration.ofDays(40),
                3,
                0.2);
        clients.s3()
                .putObject(
                        b -> b.bucket(names.bucket(CdpResources.Bucket.LAKE))
                                .key(LakeLayout.rawTransactionsPartition(
                                                history.getFirst().transactionTime()) + "ext-1.parquet"),
                        RequestBody.fromBytes(RawTransactions.toParquet(history)));

        assertThat(run(
                        names,
                        emulator,
                        "--cdp.trainer.job=train",
                        "--cdp.trainer.source=lake",
                        "--cdp.trainer.alert-share=0.02",
                        "--cdp.trainer.decline-share=0.002",
                        "--cdp.trainer.promote=true"))
                .isZero();
        ModelRegistry registry = new ModelRegistry(
                clients.dynamoDb(), names.table(CdpResources.Table.MODELS), OnlineFeatures.MODEL_NAME);
        ModelEntry live = registry.serving().orElseThrow();
        assertThat(live.thresholds().operatingPoint()).contains("at most 2.00 %");
        assertThat(live.metrics().get("validation.auc")).isGreaterThan(0.8);
        assertThat(live.metrics().get("train.rows") + live.metrics().get("validation.rows"))
                .isEqualTo(history.size());

        assertThat(run(names, emulator, "--cdp.trainer.job=backfill")).isZero();
        String card = history.getLast().cardToken().value();
        Map<String, AttributeValue> item = clients.dynamoDb()
                .getItem(b -> b.tableName(names.table(CdpResources.Table.FEATURES))
                        .consistentRead(true)
                        .key(Map.of(FeatureStoreItem.KEY, AttributeValue.fromS(FeatureStoreItem.cardKey(card)))))
                .item();
        assertThat(FeatureStoreDynamo.version(item)).isEqualTo(1);
        assertThat(item.get(FeatureStoreItem.LAST_TX_ID).s())
                .isEqualTo(history.stream()
                        .filter(t -> t.cardToken().value().equals(card))
                        .reduce((a, b) -> b)
                        .orElseThrow()
                        .transactionId());
        long cards = history.stream().map(t -> t.cardToken().value()).distinct().count();
        assertThat(clients.dynamoDb()
                        .scan(b -> b.tableName(names.table(CdpResources.Table.FEATURES)))
                        .count())
                .isEqualTo((int) cards);

        assertThat(run(names, emulator, "--cdp.trainer.job=backfill")).isZero();
        Map<String, AttributeValue> again = clients.dynamoDb()
                .getItem(b -> b.tableName(names.table(CdpResources.Table.FEATURES))
                        .consistentRead(true)
                        .key(Map.of(FeatureStoreItem.KEY, AttributeValue.fromS(FeatureStoreItem.cardKey(card)))))
                .item();
        assertThat(FeatureStoreDynamo.version(again))
                .as("a second backfill leaves the card alone")
                .isEqualTo(1);
    }
}
