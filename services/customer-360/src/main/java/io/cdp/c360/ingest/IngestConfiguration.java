package io.cdp.c360.ingest;

import io.cdp.c360.config.Customer360Properties;
import io.cdp.c360.models.CustomerModels;
import io.cdp.c360.store.ProfileStore;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Bucket;
import io.cdp.events.resources.CdpResources.KmsKey;
import io.cdp.events.resources.CdpResources.Queue;
import io.cdp.kinesis.ingest.KclTables;
import io.cdp.kinesis.ingest.KinesisBatches;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.config.ConsumerEndpointCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.messaging.Message;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.kinesis.coordinator.CoordinatorConfig.ClientVersionConfig;

/**
 * The binder edge: three batch consumers in the group {@code customer-360} ({@code customers-in-0},
 * {@code scored-in-0}, {@code feedback-in-0}) handing bytes and sequence numbers to {@link ProfileIngest}; the KCL
 * lease fence and the manual checkpoint once it returns are the shared edge's ({@link KinesisBatches},
 * libs/cdp-kinesis-ingest), for the binder's consumer and KCL's alike.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

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

    /**
     * KCL mode only: per-namespace KCL tables and the 2.x lease protocol ({@link KclTables}); the tag {@code c360}
     * keeps them apart from the transformer's tables of the same streams and is part of the deployed names.
     */
    @Bean
    ConsumerEndpointCustomizer<MessageProducerSupport> kclTables(CdpResources names, Customer360Properties properties) {
        return new KclTables(
                names, "c360", ClientVersionConfig.CLIENT_VERSION_CONFIG_COMPATIBLE_WITH_2X, properties.kclFailover());
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

    /**
     * One batch at the shared binder edge ({@link KinesisBatches}): the KCL lease fence, the profiles, then the
     * checkpoint with whichever checkpointer the consumer handed over (binder or KCL).
     */
    static void handle(Message<Object> message, ProfileIngest ingest) {
        KinesisBatches.handle(message, ingest::process);
    }
}
