package io.cdp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.aws.test.PipelineFixture;
import io.cdp.datagen.SyntheticCardHistory;
import io.cdp.events.payload.FraudAlertRequestedV1;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.payload.TransactionScoredV1;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Queue;
import io.cdp.events.resources.CdpResources.Table;
import io.cdp.features.online.CardOnlineState;
import io.cdp.features.online.FeatureStoreItem;
import io.cdp.scoring.artifact.ModelArtifact;
import io.cdp.training.synthetic.SyntheticModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The service jar as child processes, killed with SIGKILL ({@code destroyForcibly}) mid-stream: after a restart, or
 * with a second instance of the group taking over the dead one's shards, nothing is lost and nothing counted twice.
 */
@AwsEmulatorTest
class CrashRecoveryIT {

    private final List<ServiceProcess> processes = new ArrayList<>();

    @AfterEach
    void stopChildren() {
        processes.forEach(ServiceProcess::close);
    }

    @Test
    void killedMidStreamAndRestartedLosesNothingAndCountsNothingTwice(
            AwsClients clients, CdpResources names, AwsEmulator emulator) throws Exception {
        try (PipelineFixture fixture = new PipelineFixture(clients, names)) {
            ModelArtifact model = publishModel(fixture, names);
            List<TransactionRecordedV1> txs = transactions(11);
            fixture.putTransactions(txs);

            ServiceProcess first = start(names, emulator, "restart-a");
            awaitScored(fixture, txs, txs.size() / 4, Duration.ofSeconds(180));
            first.kill();
            int atKill = distinctScored(fixture, txs);

            start(names, emulator, "restart-b");
            awaitScored(fixture, txs, txs.size(), Duration.ofSeconds(180));
            assertThat(atKill).as("killed mid-stream").isLessThan(txs.size());
            assertExactlyOnceInEffect(fixture, names, txs, model);
        }
    }

    @Test
    void twoInstancesSplitTheShardsAndTheSurvivorFinishesWhenOneIsKilled(
            AwsClients clients, CdpResources names, AwsEmulator emulator) throws Exception {
        try (PipelineFixture fixture = new PipelineFixture(clients, names)) {
            ModelArtifact model = publishModel(fixture, names);
            ServiceProcess a = start(names, emulator, "pair-a");
            ServiceProcess b = start(names, emulator, "pair-b");
            a.awaitStarted(APP, Duration.ofSeconds(90));
            b.awaitStarted(APP, Duration.ofSeconds(90));
            List<TransactionRecordedV1> txs = transactions(13);
            // each card's transactions stay in time order across the two waves: split by time, not by card
            fixture.putTransactions(txs.subList(0, txs.size() / 2));

            awaitScored(fixture, txs, txs.size() / 8, Duration.ofSeconds(180));
            b.kill();
            int atKill = distinctScored(fixture, txs);
            fixture.putTransactions(txs.subList(txs.size() / 2, txs.size()));

            awaitScored(fixture, txs, txs.size(), Duration.ofSeconds(180));
            assertThat(a.isAlive()).isTrue();
            assertThat(atKill).as("killed mid-stream").isLessThan(txs.size());
            assertExactlyOnceInEffect(fixture, names, txs, model);
        }
    }

    private static void assertExactlyOnceInEffect(
            PipelineFixture fixture, CdpResources names, List<TransactionRecordedV1> txs, ModelArtifact model)
            throws Exception {
        Thread.sleep(2_000);
        // both tests of the class share its resources: look at this test's transactions only
        Set<String> ids = txs.stream().map(TransactionRecordedV1::transactionId).collect(Collectors.toSet());
        List<TransactionScoredV1> scored = fixture.scoredEvents().stream()
                .filter(s -> ids.contains(s.transactionId()))
                .toList();
        assertThat(scored.stream().map(TransactionScoredV1::transactionId).collect(Collectors.toSet()))
                .as("zero lost")
                .isEqualTo(
                        txs.stream().map(TransactionRecordedV1::transactionId).collect(Collectors.toSet()));
        // a replayed transaction is the same event again (same id, same score), which consumers deduplicate
        Map<String, Set<Double>> scoresById = scored.stream()
                .collect(Collectors.groupingBy(
                        TransactionScoredV1::transactionId,
                        Collectors.mapping(TransactionScoredV1::score, Collectors.toSet())));
        assertThat(scoresById.values()).allSatisfy(s -> assertThat(s).hasSize(1));

        List<Map<String, String>> lake = fixture.lakeRows().stream()
                .filter(r -> ids.contains(r.get("transactionId")))
                .toList();
        assertThat(lake)
                .as("one lake row per transaction")
                .hasSize(txs.size())
                .extracting(r -> r.get("transactionId"))
                .doesNotHaveDuplicates();

        // zero double-counted: every card's window holds each of its transactions exactly once
        Map<String, Long> perCard =
                txs.stream().collect(Collectors.groupingBy(t -> t.cardToken().value(), Collectors.counting()));
        perCard.forEach((card, count) -> {
            var item = fixture.dynamoDb
                    .getItem(b -> b.tableName(names.table(Table.FEATURES))
                            .consistentRead(true)
                            .key(Map.of(FeatureStoreItem.KEY, AttributeValue.fromS(FeatureStoreItem.cardKey(card)))))
                    .item();
            assertThat(CardOnlineState.fromBytes(
                                    item.get(FeatureStoreItem.STATE).b().asByteArray())
                            .velocityWindow()
                            .size())
                    .as("transactions counted for card %s", card)
                    .isEqualTo(count.intValue());
        });

        double threshold = model.metadata().thresholds().alert();
        Set<String> overThreshold = scored.stream()
                .filter(s -> s.score() >= threshold)
                .map(TransactionScoredV1::transactionId)
                .collect(Collectors.toSet());
        var alerts = fixture.drain(Queue.FRAUD_ALERTS).stream()
                .map(m -> fixture.codec
                        .decode(m.body().getBytes(StandardCharsets.UTF_8), FraudAlertRequestedV1.class)
                        .payload()
                        .transactionId())
                .filter(ids::contains)
                .toList();
        assertThat(overThreshold).isNotEmpty();
        assertThat(Set.copyOf(alerts)).isEqualTo(overThreshold);
        // the one window for a second message: killed between the SQS send and marking the claim SENT
        assertThat(alerts.size() - overThreshold.size()).as("second alerts").isLessThanOrEqualTo(1);
        assertThat(fixture.alertClaims(ids)).isEqualTo(overThreshold.size());
    }

    private static List<TransactionRecordedV1> transactions(long seed) {
        return SyntheticCardHistory.takeovers(
                seed,
                80,
                Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(20)),
                Duration.ofHours(20),
                9,
                0.3);
    }

    private static ModelArtifact publishModel(PipelineFixture fixture, CdpResources names) {
        return SyntheticModels.publishLiveFixture(fixture.s3, fixture.dynamoDb, names)
                .artifact();
    }

    private static int distinctScored(PipelineFixture fixture, List<TransactionRecordedV1> txs) {
        Set<String> ids = txs.stream().map(TransactionRecordedV1::transactionId).collect(Collectors.toSet());
        return (int) fixture.scoredEvents().stream()
                .map(TransactionScoredV1::transactionId)
                .filter(ids::contains)
                .distinct()
                .count();
    }

    private static void awaitScored(
            PipelineFixture fixture, List<TransactionRecordedV1> txs, int count, Duration timeout)
            throws InterruptedException {
        PipelineFixture.await(count + " transactions scored", timeout, () -> distinctScored(fixture, txs) >= count);
    }

    private ServiceProcess start(CdpResources names, AwsEmulator emulator, String instance) throws IOException {
        Map<String, String> settings = new java.util.LinkedHashMap<>(TRANSFORMER);
        // small batches: a kill lands between a batch's effects and its checkpoint more often
        settings.put("spring.cloud.stream.kinesis.bindings.transactions-in-0.consumer.records-limit", "25");
        settings.put("spring.cloud.stream.kinesis.bindings.transactions-in-0.consumer.polling-max-records", "25");
        ServiceProcess process =
                ServiceProcess.start("stream-transformer", "crash-" + instance, names, emulator, settings);
        processes.add(process);
        return process;
    }

    /** The transformer as the local stack runs it, with short lease and failover times so a takeover is quick. */
    static final Map<String, String> TRANSFORMER = Map.of(
            "spring.cloud.stream.kinesis.binder.locks.lease-duration", "5s",
            "cdp.transformer.kcl-failover", "3s",
            "logging.level.io.cdp.transformer.scoring", "INFO");

    static final String APP = "StreamTransformerApplication";
}
