package io.cdp.transformer.ingest;

import io.cdp.events.codec.EventCodec;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Stream;
import io.cdp.kinesis.ingest.KclTables;
import io.cdp.kinesis.ingest.KinesisBatches;
import io.cdp.transformer.alerts.AlertSink;
import io.cdp.transformer.config.TransformerProperties;
import io.cdp.transformer.features.FeatureStore;
import io.cdp.transformer.labels.FeedbackLabels;
import io.cdp.transformer.lake.LakeSink;
import io.cdp.transformer.ops.PipelineMetrics;
import io.cdp.transformer.scoring.ScoringModel;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.config.ConsumerEndpointCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.messaging.Message;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;

/**
 * The binder edge: three batch consumers ({@code transactions-in-0}, {@code profiles-in-0}, {@code feedback-in-0}) that hand bytes and
 * sequence numbers to the pipeline; the lease fence and the manual checkpoint are the shared edge's
 * ({@link KinesisBatches}, libs/cdp-kinesis-ingest). A batch is checkpointed only when every effect of it is stored or
 * its record quarantined ({@link BatchRunner}).
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    TransactionPipeline transactionPipeline(
            EventCodec codec,
            FeatureStore featureStore,
            ScoringModel model,
            KinesisAsyncClient kinesis,
            CdpResources names,
            LakeSink lake,
            AlertSink alerts,
            QuarantineSink quarantine,
            TransactionClaims claims,
            PipelineMetrics metrics,
            ExecutorService transformerExecutor,
            TransformerProperties properties,
            Clock clock,
            @Value("${spring.application.name}") String name) {
        Retry retry = new Retry(
                properties.retryInitial().toMillis(),
                properties.retryMax().toMillis(),
                properties.retryAttempts(),
                metrics);
        return new TransactionPipeline(
                codec,
                featureStore,
                model::context,
                model::scorer,
                model::shadow,
                new KinesisScoredEventSink(kinesis, codec, names.stream(Stream.SCORED_TRANSACTIONS)),
                lake,
                alerts,
                quarantine,
                claims,
                metrics,
                transformerExecutor,
                retry,
                clock,
                name);
    }

    /**
     * KCL mode only: per-namespace KCL tables and the lease protocol ({@link KclTables}); the tag {@code kcl} is part
     * of the deployed table names.
     */
    @Bean
    ConsumerEndpointCustomizer<MessageProducerSupport> kclTables(CdpResources names, TransformerProperties properties) {
        return new KclTables(
                names,
                "kcl",
                KclTables.clientVersion("cdp.transformer.kcl-client-version", properties.kclClientVersion()),
                properties.kclFailover());
    }

    @Bean
    BatchRunner batchRunner(TransactionPipeline pipeline, PipelineMetrics metrics, TransformerProperties properties) {
        return new BatchRunner(
                properties.batchAttempts(),
                properties.recordAttempts(),
                properties.retryInitial().toMillis(),
                properties.retryMax().toMillis(),
                pipeline::quarantine,
                metrics);
    }

    @Bean
    Consumer<Message<Object>> transactions(TransactionPipeline pipeline, BatchRunner runner) {
        return message -> handle(message, runner, pipeline::processTransactions);
    }

    @Bean
    Consumer<Message<Object>> profiles(TransactionPipeline pipeline, BatchRunner runner) {
        return message -> handle(message, runner, pipeline::processProfiles);
    }

    @Bean
    FeedbackLabels feedbackLabels(EventCodec codec, FeedbackLabels.EvidenceSink sink, TransactionPipeline pipeline) {
        return new FeedbackLabels(codec, sink, pipeline::quarantine);
    }

    /** {@code cdp.feedback}: the customers' answers become label evidence in the lake ({@link FeedbackLabels}). */
    @Bean
    Consumer<Message<Object>> feedback(FeedbackLabels labels, BatchRunner runner) {
        return message -> handle(message, runner, labels::process);
    }

    /**
     * One batch at the shared binder edge ({@link KinesisBatches}: lease fence, then the batch, then the checkpoint),
     * through {@link BatchRunner}, which returns only when every record's effects are stored or the record is
     * quarantined and never throws for a failed effect.
     */
    static void handle(Message<Object> message, BatchRunner runner, BatchRunner.BatchHandler handler) {
        KinesisBatches.handle(message, (stream, shard, records) -> runner.run(stream, shard, records, handler));
    }
}
