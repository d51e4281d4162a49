package io.cdp.transformer.config;

import io.cdp.events.codec.EventCodec;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Bucket;
import io.cdp.events.resources.CdpResources.KmsKey;
import io.cdp.events.resources.CdpResources.Queue;
import io.cdp.events.resources.CdpResources.Stream;
import io.cdp.events.resources.CdpResources.Table;
import io.cdp.lake.labels.LabelEvidenceTable;
import io.cdp.transformer.alerts.AlertSink;
import io.cdp.transformer.alerts.DynamoSqsAlertSink;
import io.cdp.transformer.features.CachingFeatureStore;
import io.cdp.transformer.features.DynamoFeatureStore;
import io.cdp.transformer.features.FeatureStore;
import io.cdp.transformer.ingest.DynamoTransactionClaims;
import io.cdp.transformer.ingest.QuarantineSink;
import io.cdp.transformer.ingest.S3SqsQuarantineSink;
import io.cdp.transformer.ingest.TransactionClaims;
import io.cdp.transformer.labels.FeedbackLabels;
import io.cdp.transformer.lake.LakeSink;
import io.cdp.transformer.lake.ParquetLakeSink;
import io.cdp.transformer.ops.KinesisReadinessIndicator;
import io.cdp.transformer.ops.MicrometerPipelineMetrics;
import io.cdp.transformer.ops.QuarantineStats;
import io.cdp.transformer.scoring.ScoringModel;
import io.cdp.transformer.scoring.StreamModels;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Wires the plain classes to the AWS clients of cdp-service-support: the feature store behind its cache, the model,
 * the lake, alert and dead-letter sinks, metrics and readiness. Names come from the {@link CdpResources} bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TransformerProperties.class)
class TransformerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    /** Virtual threads: the work they do is waiting on DynamoDB, S3, SQS and Kinesis. */
    @Bean(destroyMethod = "close")
    ExecutorService transformerExecutor() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    @Bean
    FeatureStore featureStore(
            DynamoDbClient dynamoDb, CdpResources names, TransformerProperties properties, Clock clock) {
        return new CachingFeatureStore(
                new DynamoFeatureStore(dynamoDb, names.table(Table.FEATURES), clock), properties.cacheEntries());
    }

    @Bean(destroyMethod = "")
    ScoringModel scoringModel(
            S3Client s3,
            DynamoDbClient dynamoDb,
            ObjectProvider<SageMakerRuntimeClient> sageMaker,
            CdpResources names,
            TransformerProperties properties) {
        boolean remote = "sagemaker".equalsIgnoreCase(properties.scorer());
        if (remote && properties.sagemakerEndpoint() == null) {
            throw new IllegalStateException(
                    "cdp.transformer.scorer=sagemaker needs cdp.transformer.sagemaker-endpoint");
        }
        ScoringModel model = new ScoringModel(
                new StreamModels(s3, dynamoDb, names.bucket(Bucket.MODELS), names.table(Table.MODELS)),
                remote ? sageMaker.getObject() : null,
                remote ? properties.sagemakerEndpoint() : null,
                properties.reasonCodes());
        model.start(properties.modelWait());
        return model;
    }

    /** Picks up newly published models and label tables without a restart. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService modelRefresher(ScoringModel model, TransformerProperties properties) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "model-refresh");
            t.setDaemon(true);
            return t;
        });
        long every = properties.modelRefresh().toMillis();
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        model.refresh();
                    } catch (RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger(ScoringModel.class)
                                .warn("model refresh failed: {}", e.toString());
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
        return scheduler;
    }

    @Bean
    LakeSink lakeSink(S3Client s3, CdpResources names) {
        return new ParquetLakeSink(s3, names.bucket(Bucket.LAKE));
    }

    /** The customers' answers as label evidence in the lake ({@code labels/evidence/}), for the retrain job. */
    @Bean
    FeedbackLabels.EvidenceSink labelEvidenceSink(S3Client s3, CdpResources names) {
        String bucket = names.bucket(Bucket.LAKE);
        return (batchId, evidence) -> LabelEvidenceTable.write(s3, bucket, batchId, evidence);
    }

    @Bean
    AlertSink alertSink(
            DynamoDbClient dynamoDb,
            SqsClient sqs,
            EventCodec codec,
            CdpResources names,
            TransformerProperties properties,
            Clock clock) {
        return new DynamoSqsAlertSink(
                dynamoDb,
                sqs,
                codec,
                names.table(Table.ALERTS),
                names.queue(Queue.FRAUD_ALERTS),
                properties.alertRetention(),
                clock);
    }

    /** Claim-check quarantine: bytes to the lake bucket under the PII key (one name source: CdpResources). */
    @Bean
    QuarantineSink quarantineSink(
            S3Client s3,
            SqsClient sqs,
            CdpResources names,
            EventCodec codec,
            Clock clock,
            @Value("${spring.application.name}") String consumer) {
        return new S3SqsQuarantineSink(
                s3,
                sqs,
                names.bucket(Bucket.LAKE),
                names.keyAlias(KmsKey.PII),
                names.queue(Queue.STREAM_DEAD_LETTERS),
                codec.mapper(),
                clock,
                consumer);
    }

    @Bean
    TransactionClaims transactionClaims(
            DynamoDbClient dynamoDb, CdpResources names, TransformerProperties properties, Clock clock) {
        return new DynamoTransactionClaims(
                dynamoDb, names.table(Table.TRANSACTION_CLAIMS), properties.claimRetention(), clock);
    }

    /** Readiness detail {@code quarantine} (always UP): counts by reason and the last one. */
    @Bean("quarantine")
    QuarantineStats quarantineStats() {
        return new QuarantineStats();
    }

    @Bean
    MicrometerPipelineMetrics pipelineMetrics(MeterRegistry registry, QuarantineStats quarantine) {
        return new MicrometerPipelineMetrics(registry, quarantine);
    }

    @Bean("kinesis")
    KinesisReadinessIndicator kinesisReadinessIndicator(KinesisAsyncClient kinesis, CdpResources names, Clock clock) {
        return new KinesisReadinessIndicator(kinesis, names.stream(Stream.CORE_TRANSACTIONS), clock);
    }
}
