package io.cdp.c360.ingest;

import io.awspring.cloud.kinesis.integration.Checkpointer;
import io.awspring.cloud.kinesis.integration.KinesisHeaders;
import io.cdp.c360.config.Customer360Properties;
import io.cdp.c360.models.CustomerModels;
import io.cdp.c360.store.ProfileStore;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Bucket;
import io.cdp.events.resources.CdpResources.KmsKey;
import io.cdp.events.resources.CdpResources.Queue;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The binder edge: three batch consumers in the group {@code customer-360} ({@code customers-in-0},
 * {@code scored-in-0}, {@code feedback-in-0}) handing bytes and sequence numbers to {@link ProfileIngest}, and a manual
 * checkpoint once it returns: the binder's automatic checkpoint also runs after a failed handler, which would skip
 * the batch.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IngestConfiguration.class);

    @Bean(destroyMethod = "close")
    ExecutorService ingestExecutor() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    @Bean
    Quarantine quarantine(
            S3Client s3,
            SqsClient sqs,
            CdpResources names,
            EventCodec codec,
            Clock clock,
            @Value("${spring.application.name}") String name) {
        return new S3SqsQuarantine(
                s3,
                sqs,
                names.bucket(Bucket.LAKE),
                names.keyAlias(KmsKey.PII),
                names.queue(Queue.STREAM_DEAD_LETTERS),
                codec.mapper(),
                clock,
                name);
    }

    @Bean
    ProfileIngest profileIngest(
            EventCodec codec,
            ProfileStore store,
            CustomerModels models,
            Quarantine quarantine,
            ExecutorService ingestExecutor,
            MeterRegistry meters,
            Clock clock,
            Customer360Properties properties) {
        return new ProfileIngest(
                codec,
                store,
                models,
                quarantine,
                ingestExecutor,
                meters,
                clock,
                properties.recordAttempts(),
                properties.retryBackoff().toMillis());
    }

    /** KCL mode only: per-namespace KCL tables and the 2.x lease protocol ({@link KclTables}). */
    @Bean
    org.springframework.cloud.stream.config.ConsumerEndpointCustomizer<
                    org.springframework.integration.endpoint.MessageProducerSupport>
            kclTables(CdpResources names, Customer360Properties properties) {
        return new KclTables(names, properties.kclFailover());
    }

    @Bean
    Consumer<Message<Object>> customers(ProfileIngest ingest) {
        return message -> handle(message, ingest);
    }

    @Bean
    Consumer<Message<Object>> scored(ProfileIngest ingest) {
        return message -> handle(message, ingest);
    }

    @Bean
    Consumer<Message<Object>> feedback(ProfileIngest ingest) {
        return message -> handle(message, ingest);
    }

    static void handle(Message<Object> message, ProfileIngest ingest) {
        var headers = message.getHeaders();
        String stream = String.valueOf(headers.get(KinesisHeaders.RECEIVED_STREAM));
        String shard = String.valueOf(headers.get(KinesisHeaders.SHARD));
        ingest.process(stream, shard, records(message));
        Object checkpointer = headers.get(KinesisHeaders.CHECKPOINTER);
        if (checkpointer instanceof Checkpointer binder) {
            binder.checkpoint();
        } else {
            log.warn(
                    "no checkpointer on the batch of {}/{}: the binding must use checkpoint-mode manual",
                    stream,
                    shard);
        }
    }

    static List<RawRecord> records(Message<Object> message) {
        Object payload = message.getPayload();
        List<?> items = payload instanceof List<?> list ? list : List.of(payload);
        Object sequences = message.getHeaders().get(KinesisHeaders.RECEIVED_SEQUENCE_NUMBER);
        List<RawRecord> records = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item instanceof Record r) {
                records.add(new RawRecord(r.data().asByteArray(), r.sequenceNumber()));
            } else {
                String sequence =
                        sequences instanceof List<?> seqs ? String.valueOf(seqs.get(i)) : String.valueOf(sequences);
                records.add(new RawRecord(
                        item instanceof byte[] bytes
                                ? bytes
                                : String.valueOf(item).getBytes(StandardCharsets.UTF_8),
                        sequence));
            }
        }
        return records;
    }
}
