package io.cdp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.aws.test.PipelineFixture;
import io.cdp.core.extraction.ExtractionOptions;
import io.cdp.core.extraction.ExtractionRunner;
import io.cdp.core.extraction.ExtractionStatus;
import io.cdp.core.loading.DynamoDbLoadSink;
import io.cdp.core.loading.LoadSink;
import io.cdp.core.loading.RejectReport;
import io.cdp.core.loading.TabFormerLoader;
import io.cdp.core.tabformer.Card;
import io.cdp.core.tabformer.Customer;
import io.cdp.datagen.TabFormerGenerator;
import io.cdp.events.payload.FraudAlertRequestedV1;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.payload.TransactionScoredV1;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Bucket;
import io.cdp.events.resources.CdpResources.Queue;
import io.cdp.events.resources.CdpResources.Stream;
import io.cdp.events.resources.CdpResources.Table;
import io.cdp.features.online.CardOnlineState;
import io.cdp.features.online.FeatureStoreItem;
import io.cdp.features.online.MccRiskTableStore;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.features.online.OnlineTransaction;
import io.cdp.features.online.WireTransactions;
import io.cdp.features.tabformer.TabFormerContext;
import io.cdp.pii.PiiProtection;
import io.cdp.pii.crypto.DataKeyCache;
import io.cdp.training.online.OnlineCardTrainer;
import io.cdp.training.synthetic.SyntheticModels;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The real path into the transformer, in one namespace of the emulator: data from core banking's own generator, loaded
 * into its DynamoDB system of record, extracted by its {@link ExtractionRunner} (tokens, masks and ciphertext under
 * KMS data keys; the live share to Kinesis, the history to the Parquet lake), then consumed by the transformer's executable jar in a child process. N
 * live transactions give N scored events (no duplicates), N lake rows, one alert per transaction at or over the model's
 * alert threshold, features and card state equal to the batch computation of libs/cdp-features over the history the
 * transformer saw, and none of the generated customers' personal values downstream.
 */
@AwsEmulatorTest
class ExtractionToScoringIT {

    private static final int USERS = 30;
    private static final int DAYS = 10;
    /** Twice the default share: about 90 live transactions, of which the fixture model flags a handful. */
    private static final double LIVE_SHARE = 0.1;

    @Test
    void everyExtractedLiveTransactionIsScoredOnceWithBatchEqualFeaturesAndNoPlaintextPii(
            AwsClients clients, CdpResources names, AwsEmulator emulator, @TempDir Path dir) throws Exception {
        // the trainer's role: a model published and promoted before the transformer starts; the transformer's JVM
        // starts while core banking generates and loads, so the slow parts overlap
        OnlineCardTrainer.Trained model = SyntheticModels.publishLiveFixture(clients.s3(), clients.dynamoDb(), names);
        try (ServiceProcess transformer = ServiceProcess.start(
                        "stream-transformer", "extraction-to-scoring", names, emulator, CrashRecoveryIT.TRANSFORMER);
                PipelineFixture fixture = new PipelineFixture(clients, names)) {
            List<Customer> customers = new ArrayList<>();
            List<Card> cards = new ArrayList<>();
            generateAndLoad(clients, names, dir, customers, cards);
            transformer.awaitStarted(CrashRecoveryIT.APP, Duration.ofSeconds(120));

            ExtractionStatus status;
            PiiProtection pii = PiiProtection.fromAws(clients, names, DataKeyCache.Limits.DEFAULT, null);
            try (ExtractionRunner runner = ExtractionRunner.fromAws(clients, names, pii, dir.resolve("work"))) {
                status = runner.runNow(new ExtractionOptions(LIVE_SHARE, 0, true, true));
            }
            assertThat(status.state()).as(status.error()).isEqualTo(ExtractionStatus.State.COMPLETED);
            assertThat(status.historyTransactions()).as("history to the lake").isPositive();
            assertThat(status.manifestKey()).isNotNull();

            // what the transformer saw: the live share as the extraction put it on the stream, each card in order
            List<TransactionRecordedV1> live = records(fixture, Stream.CORE_TRANSACTIONS).stream()
                    .map(r ->
                            fixture.codec.decode(r, TransactionRecordedV1.class).payload())
                    .toList();
            int n = live.size();
            assertThat(n)
                    .as("live transactions on the stream")
                    .isEqualTo(status.liveTransactions())
                    .isPositive();
            Set<String> liveIds =
                    live.stream().map(TransactionRecordedV1::transactionId).collect(Collectors.toSet());
            assertThat(liveIds).hasSize(n);

            PipelineFixture.await(
                    "all " + n + " live transactions scored",
                    Duration.ofSeconds(90),
                    () -> fixture.scoredEvents().stream()
                                    .map(TransactionScoredV1::transactionId)
                                    .distinct()
                                    .count()
                            >= n);
            PipelineFixture.await(
                    n + " lake rows",
                    Duration.ofSeconds(20),
                    () -> fixture.lakeRows().size() >= n);
            double alertThreshold = model.artifact().metadata().thresholds().alert();
            List<TransactionScoredV1> scored = fixture.scoredEvents();
            Set<String> overThreshold = scored.stream()
                    .filter(s -> s.score() >= alertThreshold)
                    .map(TransactionScoredV1::transactionId)
                    .collect(Collectors.toSet());
            List<String> alertBodies = new ArrayList<>();
            PipelineFixture.await(overThreshold.size() + " alerts", Duration.ofSeconds(20), () -> {
                fixture.drain(Queue.FRAUD_ALERTS).forEach(m -> alertBodies.add(m.body()));
                return alertBodies.size() >= overThreshold.size();
            });

            // N scored events, one per live transaction
            assertThat(scored)
                    .hasSize(n)
                    .extracting(TransactionScoredV1::transactionId)
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(liveIds);

            // N lake rows under scored/
            List<Map<String, String>> lake = fixture.lakeRows();
            assertThat(lake)
                    .hasSize(n)
                    .extracting(r -> r.get("transactionId"))
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(liveIds);

            // one alert per transaction at or over the model's alert threshold, none below it, each claimed once
            fixture.drain(Queue.FRAUD_ALERTS).forEach(m -> alertBodies.add(m.body()));
            assertThat(alertBodies)
                    .extracting(b -> fixture.codec
                            .decode(b.getBytes(StandardCharsets.UTF_8), FraudAlertRequestedV1.class)
                            .payload()
                            .transactionId())
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(overThreshold);
            assertThat(fixture.alertClaims()).isEqualTo(overThreshold.size());

            // features: each scored event's vector is the batch row over the same history, with the service's label
            // tables
            TabFormerContext ctx = MccRiskTableStore.load(fixture.s3, names.bucket(Bucket.MODELS))
                    .context();
            double[][] batch = WireTransactions.batch(live, ctx);
            Map<String, TransactionScoredV1> byId =
                    scored.stream().collect(Collectors.toMap(TransactionScoredV1::transactionId, Function.identity()));
            for (int i = 0; i < n; i++) {
                assertThat(byId.get(live.get(i).transactionId()).features())
                        .as("features of %s", live.get(i).transactionId())
                        .isEqualTo(OnlineFeatures.SCHEMA.asMap(batch[i]));
            }

            // the feature store: every card's stored state is the batch's state after the card's history, so a reader
            // computing the card's next transaction from the item gets the batch row of history + that transaction
            Map<String, List<OnlineTransaction>> byCard = new LinkedHashMap<>();
            WireTransactions.online(live)
                    .forEach(t -> byCard.computeIfAbsent(t.cardToken(), k -> new ArrayList<>())
                            .add(t));
            byCard.forEach((card, history) -> assertStoredCardEqualsBatch(fixture, names, card, history, ctx));

            // none of the generated customers' plaintext personal values reached the scored stream, the lake or the
            // alerts
            Set<String> personal = new HashSet<>();
            customers.forEach(c -> personal.addAll(List.of(c.name(), c.address(), c.email())));
            cards.forEach(c -> personal.add(c.cardNumber()));
            assertThat(personal).hasSizeGreaterThan(3 * USERS);
            List<String> downstream = new ArrayList<>(alertBodies);
            records(fixture, Stream.SCORED_TRANSACTIONS)
                    .forEach(r -> downstream.add(new String(r, StandardCharsets.UTF_8)));
            lake.forEach(row -> downstream.addAll(row.values()));
            assertThat(downstream).hasSizeGreaterThanOrEqualTo(2 * n);
            assertThat(downstream.stream()
                            .filter(text -> personal.stream().anyMatch(text::contains))
                            .count())
                    .as("records holding a generated customer's plaintext name, address, e-mail or card number")
                    .isZero();
        }
    }

    /** {@code ./cdp datagen} then {@code ./cdp load tabformer}, in this namespace, keeping the plaintext for the leak check. */
    private static void generateAndLoad(
            AwsClients clients, CdpResources names, Path dir, List<Customer> customers, List<Card> cards)
            throws Exception {
        Path data = dir.resolve("data");
        // ending today: the live share falls on days the MCC risk tables published with the fixture model cover
        LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(DAYS);
        new TabFormerGenerator(new TabFormerGenerator.Options(USERS, 10, start, DAYS)).write(data);
        try (RejectReport rejects = new RejectReport(dir.resolve("rejects.jsonl"));
                DynamoDbLoadSink dynamo = new DynamoDbLoadSink(clients.dynamoDb(), names, 4)) {
            LoadSink keeping = new KeepingLoadSink(dynamo, customers, cards);
            var summary = new TabFormerLoader(keeping, rejects, new PrintStream(PrintStream.nullOutputStream()))
                    .load(TabFormerLoader.Files3.find(data));
            assertThat(summary.rejected()).isZero();
            assertThat(summary.users()).isEqualTo(USERS);
        }
    }

    private static void assertStoredCardEqualsBatch(
            PipelineFixture fixture,
            CdpResources names,
            String card,
            List<OnlineTransaction> history,
            TabFormerContext ctx) {
        Map<String, AttributeValue> item = fixture.dynamoDb
                .getItem(b -> b.tableName(names.table(Table.FEATURES))
                        .consistentRead(true)
                        .key(Map.of(FeatureStoreItem.KEY, AttributeValue.fromS(FeatureStoreItem.cardKey(card)))))
                .item();
        assertThat(item).as("feature-store item of card %s", card).containsKey(FeatureStoreItem.STATE);
        CardOnlineState stored =
                CardOnlineState.fromBytes(item.get(FeatureStoreItem.STATE).b().asByteArray());
        OnlineTransaction last = history.getLast();
        assertThat(item.get(FeatureStoreItem.LAST_TX_ID).s()).isEqualTo(last.transactionId());
        assertThat(Long.parseLong(item.get(FeatureStoreItem.LAST_EVENT_TIME).n()))
                .isEqualTo(last.time().toEpochMilli());

        OnlineTransaction next = new OnlineTransaction(
                "probe-" + card,
                last.customerToken(),
                card,
                last.time().plusSeconds(90),
                42.5,
                last.channel(),
                last.merchantId(),
                last.merchantCity(),
                last.merchantState(),
                last.merchantZip(),
                last.mcc(),
                List.of(),
                false);
        List<OnlineTransaction> withNext = new ArrayList<>(history);
        withNext.add(next);
        double[][] batch = OnlineFeatures.batch(withNext, ctx);
        assertThat(OnlineFeatures.SCHEMA.asMap(
                        OnlineFeatures.compute(stored, next, ctx).values()))
                .as("features of card %s from its stored state", card)
                .isEqualTo(OnlineFeatures.SCHEMA.asMap(batch[batch.length - 1]));
    }

    /** Every record of a stream, from the beginning: per shard in order, so each card's records stay in order. */
    private static List<byte[]> records(PipelineFixture fixture, Stream stream) {
        List<byte[]> out = new ArrayList<>();
        fixture.records(fixture.names.stream(stream))
                .values()
                .forEach(shard -> shard.forEach(r -> out.add(r.data().asByteArray())));
        return out;
    }
}
