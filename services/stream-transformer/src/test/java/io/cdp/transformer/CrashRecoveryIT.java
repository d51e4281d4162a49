package io.cdp.transformer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.events.payload.FraudAlertRequestedV1;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.payload.TransactionScoredV1;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Bucket;
import io.cdp.events.resources.CdpResources.Queue;
import io.cdp.events.resources.CdpResources.Table;
import io.cdp.features.online.CardOnlineState;
import io.cdp.features.online.FeatureStoreItem;
import io.cdp.scoring.artifact.ModelArtifact;
import io.cdp.transformer.scoring.StreamModels;
import io.cdp.transformer.scoring.SyntheticTransactions;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
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

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopChildren() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void killedMidStreamAndRestartedLosesNothingAndCountsNothingTwice(AwsClients clients, CdpResources names,
                                                                       AwsEmulator emulator) throws Exception {
        try (StreamFixture fixture = new StreamFixture(clients, names)) {
            ModelArtifact model = publishModel(fixture, names);
            List<TransactionRecordedV1> txs = transactions(11);
            fixture.putTransactions(txs);

            Process first = start(names, emulator, "restart-a");
            awaitScored(fixture, txs, txs.size() / 4, Duration.ofSeconds(180));
            first.destroyForcibly().waitFor();
            int atKill = distinctScored(fixture, txs);

            start(names, emulator, "restart-b");
            awaitScored(fixture, txs, txs.size(), Duration.ofSeconds(180));
            assertThat(atKill).as("killed mid-stream").isLessThan(txs.size());
            assertExactlyOnceInEffect(fixture, names, txs, model);
        }
    }

    @Test
    void twoInstancesSplitTheShardsAndTheSurvivorFinishesWhenOneIsKilled(AwsClients clients, CdpResources names,
                                                                         AwsEmulator emulator) throws Exception {
        try (StreamFixture fixture = new StreamFixture(clients, names)) {
            ModelArtifact model = publishModel(fixture, names);
            Process a = start(names, emulator, "pair-a");
            Process b = start(names, emulator, "pair-b");
            awaitLog("pair-a", Duration.ofSeconds(90));
            awaitLog("pair-b", Duration.ofSeconds(90));
            List<TransactionRecordedV1> txs = transactions(13);
            // each card's transactions stay in time order across the two waves: split by time, not by card
            fixture.putTransactions(txs.subList(0, txs.size() / 2));

            awaitScored(fixture, txs, txs.size() / 8, Duration.ofSeconds(180));
            b.destroyForcibly().waitFor();
            int atKill = distinctScored(fixture, txs);
            fixture.putTransactions(txs.subList(txs.size() / 2, txs.size()));

            awaitScored(fixture, txs, txs.size(), Duration.ofSeconds(180));
            assertThat(a.isAlive()).isTrue();
            assertThat(atKill).as("killed mid-stream").isLessThan(txs.size());
            assertExactlyOnceInEffect(fixture, names, txs, model);
        }
    }

    private static void assertExactlyOnceInEffect(StreamFixture fixture, CdpResources names,
                                                  List<TransactionRecordedV1> txs, ModelArtifact model) throws Exception {
        Thread.sleep(2_000);
        // both tests of the class share its resources: look at this test's transactions only
        Set<String> ids = txs.stream().map(TransactionRecordedV1::transactionId).collect(Collectors.toSet());
        List<TransactionScoredV1> scored = fixture.scoredEvents().stream()
                .filter(s -> ids.contains(s.transactionId())).toList();
        assertThat(scored.stream().map(TransactionScoredV1::transactionId).collect(Collectors.toSet()))
                .as("zero lost").isEqualTo(txs.stream().map(TransactionRecordedV1::transactionId).collect(Collectors.toSet()));
        // a replayed transaction is the same event again (same id, same score), which consumers deduplicate
        Map<String, Set<Double>> scoresById = scored.stream().collect(Collectors.groupingBy(
                TransactionScoredV1::transactionId, Collectors.mapping(TransactionScoredV1::score, Collectors.toSet())));
        assertThat(scoresById.values()).allSatisfy(s -> assertThat(s).hasSize(1));

        List<Map<String, String>> lake = fixture.lakeRows().stream()
                .filter(r -> ids.contains(r.get("transactionId"))).toList();
        assertThat(lake).as("one lake row per transaction").hasSize(txs.size())
                .extracting(r -> r.get("transactionId")).doesNotHaveDuplicates();

        // zero double-counted: every card's window holds each of its transactions exactly once
        Map<String, Long> perCard = txs.stream().collect(Collectors.groupingBy(t -> t.cardToken().value(), Collectors.counting()));
        perCard.forEach((card, count) -> {
            var item = fixture.dynamoDb.getItem(b -> b.tableName(names.table(Table.FEATURES)).consistentRead(true)
                    .key(Map.of(FeatureStoreItem.KEY, AttributeValue.fromS(FeatureStoreItem.cardKey(card))))).item();
            assertThat(CardOnlineState.fromBytes(item.get(FeatureStoreItem.STATE).b().asByteArray()).velocityWindow().size())
                    .as("transactions counted for card %s", card).isEqualTo(count.intValue());
        });

        double threshold = model.metadata().thresholds().alert();
        Set<String> overThreshold = scored.stream().filter(s -> s.score() >= threshold)
                .map(TransactionScoredV1::transactionId).collect(Collectors.toSet());
        var alerts = fixture.drain(Queue.FRAUD_ALERTS).stream().map(m -> fixture.codec.decode(
                m.body().getBytes(StandardCharsets.UTF_8), FraudAlertRequestedV1.class).payload().transactionId())
                .filter(ids::contains).toList();
        assertThat(overThreshold).isNotEmpty();
        assertThat(Set.copyOf(alerts)).isEqualTo(overThreshold);
        // the one window for a second message: killed between the SQS send and marking the claim SENT
        assertThat(alerts.size() - overThreshold.size()).as("second alerts").isLessThanOrEqualTo(1);
        assertThat(fixture.alertClaims(ids)).isEqualTo(overThreshold.size());
    }

    private static List<TransactionRecordedV1> transactions(long seed) {
        return new SyntheticTransactions(seed).generate(80,
                Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(20)), Duration.ofHours(20), 9, 0.3);
    }

    private static ModelArtifact publishModel(StreamFixture fixture, CdpResources names) {
        return new StreamModels(fixture.s3, fixture.dynamoDb, names.bucket(Bucket.MODELS), names.table(Table.MODELS))
                .trainAndPublish(5, 200);
    }

    private static int distinctScored(StreamFixture fixture, List<TransactionRecordedV1> txs) {
        Set<String> ids = txs.stream().map(TransactionRecordedV1::transactionId).collect(Collectors.toSet());
        return (int) fixture.scoredEvents().stream().map(TransactionScoredV1::transactionId).filter(ids::contains)
                .distinct().count();
    }

    private static void awaitScored(StreamFixture fixture, List<TransactionRecordedV1> txs, int count, Duration timeout)
            throws InterruptedException {
        StreamFixture.await(count + " transactions scored", timeout, () -> distinctScored(fixture, txs) >= count);
    }

    private Process start(CdpResources names, AwsEmulator emulator, String instance) throws IOException {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Daws.cborEnabled=false", "--enable-native-access=ALL-UNNAMED",
                "-jar", jar().toString()));
        for (String arg : StreamTransformerIT.arguments(names, emulator)) {
            if (!arg.startsWith("--cdp.security.dev-secret") && !arg.startsWith("--logging.level.root")
                    && !arg.startsWith("--cdp.transformer.train-if-missing")) {
                command.add(arg);
            }
        }
        command.add("--cdp.security.dev-secret=" + Base64.getEncoder().encodeToString(key));
        command.add("--cdp.transformer.train-if-missing=false");
        // small batches: a kill lands between a batch's effects and its checkpoint more often
        command.add("--spring.cloud.stream.kinesis.bindings.transactions-in-0.consumer.records-limit=25");
        command.add("--spring.cloud.stream.kinesis.bindings.transactions-in-0.consumer.polling-max-records=25");
        command.add("--logging.level.root=INFO");
        command.add("--logging.level.io.awspring=WARN");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log(instance).toFile()).start();
        processes.add(process);
        return process;
    }

    private static Path log(String instance) {
        return Path.of("target", "crash-" + instance + ".log");
    }

    private static void awaitLog(String instance, Duration timeout) throws InterruptedException {
        StreamFixture.await(instance + " started", timeout, () -> {
            try {
                return Files.exists(log(instance)) && Files.readString(log(instance)).contains("Started StreamTransformerApplication");
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static Path jar() {
        File[] jars = new File("target").listFiles((d, n) -> n.startsWith("stream-transformer-") && n.endsWith(".jar")
                && !n.contains("original") && !n.contains("sources"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("the service jar is built in the package phase, before the integration tests");
        }
        return jars[0].toPath();
    }
}
