package io.cdp.transformer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.kinesis.KinesisPublisher;
import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.aws.test.PipelineFixture;
import io.cdp.datagen.SyntheticCardHistory;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.CustomerFeedbackReceivedV1;
import io.cdp.events.payload.FraudAlertRequestedV1;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.payload.TransactionScoredV1;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Queue;
import io.cdp.events.resources.CdpResources.Table;
import io.cdp.features.online.CardOnlineState;
import io.cdp.features.online.FeatureStoreItem;
import io.cdp.features.online.MccRiskTableStore;
import io.cdp.features.online.MccRiskTables;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.features.online.WireTransactions;
import io.cdp.lake.labels.LabelEvidence;
import io.cdp.lake.labels.LabelEvidenceTable;
import io.cdp.scoring.registry.ModelRegistry;
import io.cdp.scoring.scorer.InProcessScorer;
import io.cdp.training.online.OnlineCardTrainer;
import io.cdp.training.publish.PublishedModel;
import io.cdp.training.synthetic.SyntheticModels;
import io.cdp.training.train.Progress;
import io.cdp.transformer.ingest.S3SqsQuarantineSink;
import io.cdp.transformer.scoring.ScoringModel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * The transformer in this JVM against the emulator: transactions produced with EventCodec onto the stream come out as
 * scored events, lake rows, alert requests and feature-store state equal to the batch computation; poison records
 * land in the dead-letter queue and the stream moves on. A version in its shadow period scores every row too, into the
 * lake only.
 */
@AwsEmulatorTest
class StreamTransformerIT {

    /** As command-line arguments: they outrank application.yml, where default properties would not. */
    static String[] arguments(CdpResources names, AwsEmulator emulator) {
        Map<String, Object> p = new HashMap<>(emulator.springProperties());
        p.put("cdp.aws.endpoint", emulator.endpoint().toString());
        p.put("cdp.aws.namespace", names.namespace());
        p.put("server.port", "0");
        // no token issuer: health stays open, the prometheus endpoint answers 401 (a development key would need the
        // local profile)
        p.put("logging.structured.format.console", "");
        p.put("spring.cloud.stream.kinesis.binder.locks.lease-duration", "5s");
        p.put("cdp.transformer.kcl-failover", "3s");
        p.put("logging.level.root", "WARN");
        p.put("logging.level.io.cdp.transformer.scoring", "INFO");
        return p.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    /** Publishes and promotes a model trained on generated history (the trainer job's role), then starts the app. */
    static ConfigurableApplicationContext start(PipelineFixture fixture, CdpResources names, AwsEmulator emulator) {
        SyntheticModels.publishLiveFixture(fixture.s3, fixture.dynamoDb, names).artifact();
        return new SpringApplicationBuilder(StreamTransformerApplication.class).run(arguments(names, emulator));
    }

    /**
     * {@link #start} with a second version in its shadow period (what a retraining does with a challenger that passed
     * the policy): trained on another draw of the same kind of history, registered, then put in shadow.
     */
    static ConfigurableApplicationContext startWithShadow(
            PipelineFixture fixture, CdpResources names, AwsEmulator emulator, List<OnlineCardTrainer.Trained> shadow) {
        PublishedModel live = SyntheticModels.publishLive(
                fixture.s3, fixture.dynamoDb, names, SyntheticModels.takeovers(5, 200, Progress.silent()));
        OnlineCardTrainer.Trained challenger = SyntheticModels.takeovers(6, 200, Progress.silent());
        PublishedModel published = SyntheticModels.publish(fixture.s3, fixture.dynamoDb, names, challenger);
        new ModelRegistry(fixture.dynamoDb, names.table(Table.MODELS), published.modelName())
                .shadow(published.version(), live.version(), Instant.now());
        shadow.add(challenger);
        return new SpringApplicationBuilder(StreamTransformerApplication.class).run(arguments(names, emulator));
    }

    @Test
    void transactionsBecomeScoredEventsLakeRowsAlertsAndBatchEqualFeaturesWhilePoisonIsDeadLettered(
            AwsClients clients, CdpResources names, AwsEmulator emulator) throws Exception {
        List<TransactionRecordedV1> txs = SyntheticCardHistory.takeovers(
                7,
                40,
                Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(20)),
                Duration.ofHours(20),
                8,
                0.4);
        List<OnlineCardTrainer.Trained> shadow = new ArrayList<>();
        try (PipelineFixture fixture = new PipelineFixture(clients, names);
                ConfigurableApplicationContext app = startWithShadow(fixture, names, emulator, shadow)) {
            int half = txs.size() / 2;
            fixture.putTransactions(txs.subList(0, half));
            byte[] garbage = "{\"eventId\": oops".getBytes(StandardCharsets.UTF_8);
            byte[] unknown = new String(
                            new EventCodec()
                                    .encode(io.cdp.events.Envelope.of(
                                            "core-banking",
                                            txs.getFirst().cardToken().value(),
                                            Instant.now(),
                                            txs.getFirst())),
                            StandardCharsets.UTF_8)
                    .replace("transaction.recorded.v1", "transaction.recorded.v7")
                    .getBytes(StandardCharsets.UTF_8);
            fixture.putRaw(List.of(garbage, unknown), List.of("poison-a", "poison-b"));
            fixture.putTransactions(txs.subList(half, txs.size()));

            PipelineFixture.await(
                    "all " + txs.size() + " transactions scored",
                    Duration.ofSeconds(180),
                    () -> fixture.scoredEvents().stream()
                                    .map(TransactionScoredV1::transactionId)
                                    .distinct()
                                    .count()
                            >= txs.size());
            PipelineFixture.await(
                    "all lake rows",
                    Duration.ofSeconds(30),
                    () -> fixture.lakeRows().size() >= txs.size());

            List<TransactionScoredV1> scored = fixture.scoredEvents();
            assertThat(scored)
                    .extracting(TransactionScoredV1::transactionId)
                    .containsExactlyInAnyOrderElementsOf(txs.stream()
                            .map(TransactionRecordedV1::transactionId)
                            .toList());

            List<Map<String, String>> lake = fixture.lakeRows();
            assertThat(lake)
                    .hasSize(txs.size())
                    .extracting(r -> r.get("transactionId"))
                    .doesNotHaveDuplicates();

            // features equal the batch path over the same history, with the label tables the service loaded
            MccRiskTables tables = MccRiskTableStore.load(fixture.s3, names.bucket(CdpResources.Bucket.MODELS));
            double[][] batch = WireTransactions.batch(txs, tables.context());
            Map<String, TransactionScoredV1> byId =
                    scored.stream().collect(Collectors.toMap(TransactionScoredV1::transactionId, Function.identity()));
            for (int i = 0; i < txs.size(); i++) {
                Map<String, Double> streamed =
                        byId.get(txs.get(i).transactionId()).features();
                assertThat(streamed)
                        .as("features of %s", txs.get(i).transactionId())
                        .isEqualTo(OnlineFeatures.SCHEMA.asMap(batch[i]));
            }

            // the shadow version scored every row beside the live one: its score recorded in the lake, nothing else
            String shadowVersion = shadow.getFirst().artifact().metadata().modelVersion();
            InProcessScorer shadowScorer = new InProcessScorer(shadow.getFirst().artifact());
            Map<String, Map<String, String>> lakeById =
                    lake.stream().collect(Collectors.toMap(r -> r.get("transactionId"), Function.identity()));
            for (int i = 0; i < txs.size(); i++) {
                Map<String, String> row = lakeById.get(txs.get(i).transactionId());
                assertThat(row).containsEntry("shadowModelVersion", shadowVersion);
                assertThat(Double.parseDouble(row.get("shadowScore")))
                        .as("shadow score of %s", txs.get(i).transactionId())
                        .isCloseTo(shadowScorer.score(batch[i]), org.assertj.core.data.Offset.offset(1e-9));
                assertThat(row.get("modelVersion")).isNotEqualTo(shadowVersion);
            }
            assertThat(scored).allSatisfy(e -> assertThat(e.modelVersion()).isNotEqualTo(shadowVersion));

            // one alert per transaction at or over the model's alert threshold, claimed once in the alerts table
            double alertThreshold =
                    app.getBean(ScoringModel.class).scorer().thresholds().alert();
            List<String> overThreshold = scored.stream()
                    .filter(s -> s.score() >= alertThreshold)
                    .map(TransactionScoredV1::transactionId)
                    .toList();
            PipelineFixture.await(
                    "alert claims", Duration.ofSeconds(20), () -> fixture.alertClaims() >= overThreshold.size());
            var alerts = fixture.drain(Queue.FRAUD_ALERTS);
            assertThat(overThreshold).as("the generated bursts include alerts").isNotEmpty();
            assertThat(alerts)
                    .extracting(m -> fixture.codec
                            .decode(m.body().getBytes(StandardCharsets.UTF_8), FraudAlertRequestedV1.class)
                            .payload()
                            .transactionId())
                    .containsExactlyInAnyOrderElementsOf(overThreshold);
            assertThat(fixture.alertClaims()).isEqualTo(overThreshold.size());

            // the customers' answers on cdp.feedback become label evidence in the lake, for the retrain job
            List<CustomerFeedbackReceivedV1> answers = new ArrayList<>();
            for (int i = 0; i < Math.min(2, overThreshold.size()); i++) {
                TransactionScoredV1 alerted = byId.get(overThreshold.get(i));
                answers.add(new CustomerFeedbackReceivedV1(
                        "alert-" + i,
                        alerted.transactionId(),
                        alerted.customerToken(),
                        i == 0
                                ? CustomerFeedbackReceivedV1.Verdict.CONFIRMED_FRAUD
                                : CustomerFeedbackReceivedV1.Verdict.NOT_FRAUD,
                        CustomerFeedbackReceivedV1.FeedbackChannel.SMS,
                        Instant.now().truncatedTo(ChronoUnit.MILLIS)));
            }
            new KinesisPublisher(fixture.kinesis, names.stream(CdpResources.Stream.FEEDBACK))
                    .putAll(answers.stream()
                            .map(a -> new KinesisPublisher.Record(
                                    a.customerToken().value(),
                                    fixture.codec.encode(io.cdp.events.Envelope.of(
                                            "alerting", a.customerToken().value(), a.receivedAt(), a))))
                            .toList());
            String lakeBucket = names.bucket(CdpResources.Bucket.LAKE);
            PipelineFixture.await(
                    "label evidence of the answers",
                    Duration.ofSeconds(60),
                    () -> LabelEvidenceTable.readAll(fixture.s3, lakeBucket).size() >= answers.size());
            assertThat(LabelEvidenceTable.readAll(fixture.s3, lakeBucket))
                    .containsExactlyInAnyOrderElementsOf(
                            answers.stream().map(LabelEvidence::of).toList());

            // the online store: one card's state holds each of its transactions once
            String card = txs.getLast().cardToken().value();
            var item = fixture.dynamoDb
                    .getItem(b -> b.tableName(names.table(Table.FEATURES))
                            .consistentRead(true)
                            .key(Map.of(FeatureStoreItem.KEY, AttributeValue.fromS(FeatureStoreItem.cardKey(card)))))
                    .item();
            CardOnlineState state = CardOnlineState.fromBytes(
                    item.get(FeatureStoreItem.STATE).b().asByteArray());
            assertThat(state.velocityWindow().size()).isEqualTo((int)
                    txs.stream().filter(t -> t.cardToken().value().equals(card)).count());
            assertThat(item.get("lastTxId").s())
                    .isEqualTo(txs.stream()
                            .filter(t -> t.cardToken().value().equals(card))
                            .toList()
                            .getLast()
                            .transactionId());
            assertThat(item).containsKey("expiresAt");

            // poison: reason, size and SHA-256 in the dead-letter queue, the original bytes in the quarantine
            var deadLetters = fixture.drain(Queue.STREAM_DEAD_LETTERS);
            List<JsonNode> letters = new ArrayList<>();
            deadLetters.forEach(m -> letters.add(fixture.codec.mapper().readTree(m.body())));
            assertThat(letters)
                    .extracting(n -> n.get("reason").asString())
                    .containsExactlyInAnyOrder("unparseable", "unknown-type");
            assertThat(letters)
                    .extracting(n -> n.get("sha256").asString())
                    .containsExactlyInAnyOrder(
                            S3SqsQuarantineSink.sha256(garbage), S3SqsQuarantineSink.sha256(unknown));
            assertThat(letters)
                    .allSatisfy(n -> assertThat(n.has("originalBase64")).isFalse());
            for (JsonNode letter : letters) {
                byte[] quarantined = fixture.s3
                        .getObjectAsBytes(b -> b.bucket(letter.get("bucket").asString())
                                .key(letter.get("objectKey").asString()))
                        .asByteArray();
                assertThat(S3SqsQuarantineSink.sha256(quarantined))
                        .isEqualTo(letter.get("sha256").asString());
                assertThat(quarantined).hasSize(letter.get("size").asInt());
            }

            // checkpoints: every shard of the transactions stream is checkpointed at its last record (a restart
            // resumes there instead of replaying the stream); KCL keeps them in the binding's lease table
            Map<String, String> lastSequence =
                    fixture.lastSequenceNumbers(names.stream(CdpResources.Stream.CORE_TRANSACTIONS));
            String leaseTable = names.table(Table.BINDER_CHECKPOINTS) + "-kcl-transactions-in-0";
            PipelineFixture.await("checkpoints at the last records", Duration.ofSeconds(20), () -> {
                Map<String, String> checkpoints = new java.util.HashMap<>();
                fixture.dynamoDb
                        .scan(b -> b.tableName(leaseTable))
                        .items()
                        .forEach(lease -> checkpoints.put(
                                lease.get("leaseKey").s(),
                                lease.get("checkpoint").s()));
                return checkpoints.equals(lastSequence);
            });
        }
    }
}
