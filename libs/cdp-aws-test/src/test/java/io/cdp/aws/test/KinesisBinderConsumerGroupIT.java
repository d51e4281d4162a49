package io.cdp.aws.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Stream;
import io.cdp.events.resources.CdpResources.Table;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

/**
 * The Spring Cloud Stream Kinesis binder against the emulator, as the stream transformer will use it: a
 * consumer group over a 2-shard stream reads every record exactly once, and after a restart it resumes
 * from its DynamoDB checkpoints instead of re-reading or skipping.
 */
@AwsEmulatorTest
class KinesisBinderConsumerGroupIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void consumerGroupReadsEachRecordOnceAndResumesFromItsCheckpointAfterRestart(
            AwsClients clients, CdpResources names, AwsEmulator emulator) throws Exception {
        String stream = names.stream(Stream.CORE_TRANSACTIONS);
        put(clients, stream, 0, 200);

        List<String> first;
        try (ConfigurableApplicationContext consumer = startConsumer(names, emulator)) {
            first = awaitRecords(consumer.getBean(Sink.class), 200);
            settle(consumer.getBean(Sink.class), 200);
        }
        assertThat(first).hasSize(200).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids(0, 200));

        // produced while no consumer of the group runs: the restarted one must see exactly these
        put(clients, stream, 200, 50);
        try (ConfigurableApplicationContext consumer = startConsumer(names, emulator)) {
            List<String> second = awaitRecords(consumer.getBean(Sink.class), 50);
            settle(consumer.getBean(Sink.class), 50);
            assertThat(consumer.getBean(Sink.class).received())
                    .hasSize(50)
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(ids(200, 50));
            assertThat(second).hasSize(50);
        }
    }

    private static ConfigurableApplicationContext startConsumer(CdpResources names, AwsEmulator emulator) {
        String binding = "sink-in-0";
        Map<String, Object> properties = new HashMap<>(emulator.springProperties());
        properties.put("spring.main.web-application-type", "none");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.cloud.function.definition", "sink");
        properties.put(
                "spring.cloud.stream.bindings." + binding + ".destination", names.stream(Stream.CORE_TRANSACTIONS));
        properties.put("spring.cloud.stream.bindings." + binding + ".group", "stream-transformer");
        properties.put("spring.cloud.stream.bindings." + binding + ".content-type", "application/octet-stream");
        properties.put("spring.cloud.stream.kinesis.binder.auto-create-stream", "false");
        properties.put("spring.cloud.stream.kinesis.binder.checkpoint.table", names.table(Table.BINDER_CHECKPOINTS));
        properties.put("spring.cloud.stream.kinesis.binder.locks.table", names.table(Table.BINDER_LOCKS));
        String consumer = "spring.cloud.stream.kinesis.bindings." + binding + ".consumer.";
        properties.put(consumer + "idle-between-polls", "100");
        properties.put(consumer + "consumer-backoff", "100");
        properties.put(consumer + "checkpoint-mode", "record");
        properties.put("logging.level.root", "WARN");
        return new SpringApplicationBuilder(ConsumerApp.class)
                .properties(properties)
                .run();
    }

    private static void put(AwsClients clients, String stream, int from, int count) {
        try (KinesisAsyncClient kinesis = clients.kinesisAsync()) {
            List<PutRecordsRequestEntry> entries = IntStream.range(from, from + count)
                    .mapToObj(i -> PutRecordsRequestEntry.builder()
                            .partitionKey("crd_card" + (i % 17) + "xxxxxxxxxxxxxx")
                            .data(SdkBytes.fromString("{\"seq\":" + i + "}", StandardCharsets.UTF_8))
                            .build())
                    .toList();
            var response = kinesis.putRecords(b -> b.streamName(stream).records(entries))
                    .join();
            assertThat(response.failedRecordCount()).isZero();
        }
    }

    private static List<String> ids(int from, int count) {
        return IntStream.range(from, from + count)
                .mapToObj(i -> "{\"seq\":" + i + "}")
                .toList();
    }

    private static List<String> awaitRecords(Sink sink, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (sink.received().size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(sink.received()).as("records consumed within %s", DEADLINE).hasSizeGreaterThanOrEqualTo(expected);
        return List.copyOf(sink.received());
    }

    /** Waits a few poll cycles so that a duplicate delivery, if any, would show up. */
    private static void settle(Sink sink, int expected) throws InterruptedException {
        Thread.sleep(1500);
        assertThat(sink.received()).as("no record delivered twice").hasSize(expected);
    }

    record Sink(Queue<String> received) implements Consumer<byte[]> {
        @Override
        public void accept(byte[] payload) {
            received.add(new String(payload, StandardCharsets.UTF_8));
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ConsumerApp {

        @Bean
        Sink sink() {
            return new Sink(new ConcurrentLinkedQueue<>());
        }

        // our clients: the emulator needs HTTP/1.1 and JSON (not CBOR) for Kinesis
        @Bean
        KinesisAsyncClient kinesisAsyncClient() {
            return AwsEmulator.shared().clients().kinesisAsync();
        }

        @Bean
        DynamoDbAsyncClient dynamoDbAsyncClient() {
            return AwsEmulator.shared().clients().dynamoDbAsync();
        }
    }
}
