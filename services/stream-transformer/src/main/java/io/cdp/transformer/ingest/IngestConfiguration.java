package io.cdp.transformer.ingest;

import io.awspring.cloud.kinesis.integration.Checkpointer;
import io.awspring.cloud.kinesis.integration.KinesisHeaders;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Stream;
import io.cdp.transformer.alerts.AlertSink;
import io.cdp.transformer.config.TransformerProperties;
import io.cdp.transformer.features.FeatureStore;
import io.cdp.transformer.lake.LakeSink;
import io.cdp.transformer.ops.PipelineMetrics;
import io.cdp.transformer.scoring.ScoringModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.config.ConsumerEndpointCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.messaging.Message;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.kinesis.coordinator.CoordinatorConfig.ClientVersionConfig;
import software.amazon.kinesis.exceptions.InvalidStateException;
import software.amazon.kinesis.exceptions.KinesisClientLibDependencyException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.exceptions.ThrottlingException;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;

/**
 * The binder edge: two batch consumers ({@code transactions-in-0}, {@code profiles-in-0}) that hand bytes and
 * sequence numbers to the pipeline and checkpoint by hand when it returns. Manual checkpoints because the binder's
 * automatic ones also run after a handler failed, which would skip the batch; here a batch is checkpointed only
 * when every effect of it is stored or its record quarantined ({@link BatchRunner}).
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IngestConfiguration.class);

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

    /** KCL mode only: per-namespace KCL tables and the lease protocol ({@link KclTables}). */
    @Bean
    ConsumerEndpointCustomizer<MessageProducerSupport> kclTables(CdpResources names, TransformerProperties properties) {
        ClientVersionConfig version = switch (properties.kclClientVersion().toLowerCase(java.util.Locale.ROOT)) {
            case "2x" -> ClientVersionConfig.CLIENT_VERSION_CONFIG_COMPATIBLE_WITH_2X;
            case "3x" -> ClientVersionConfig.CLIENT_VERSION_CONFIG_3X;
            default ->
                throw new IllegalArgumentException("cdp.transformer.kcl-client-version must be 2x or 3x, was '"
                        + properties.kclClientVersion() + "'");
        };
        return new KclTables(names, version, properties.kclFailover());
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

    /**
     * One batch: the lease fence, then the batch through {@link BatchRunner} (which returns only when every record's
     * effects are stored or the record is quarantined, never throws for a failed effect), then the checkpoint.
     */
    static void handle(Message<Object> message, BatchRunner runner, BatchRunner.BatchHandler handler) {
        var headers = message.getHeaders();
        String stream = String.valueOf(headers.get(KinesisHeaders.RECEIVED_STREAM));
        String shard = String.valueOf(headers.get(KinesisHeaders.SHARD));
        Object checkpointer = headers.get(KinesisHeaders.CHECKPOINTER);
        if (!holdsLease(checkpointer, stream, shard)) {
            return;
        }
        runner.run(stream, shard, records(message), handler);
        checkpoint(checkpointer, stream, shard);
    }

    /**
     * KCL only: proves this worker still holds the shard's lease before the batch has any effect, with a prepared
     * checkpoint (a write to the lease table conditional on the lease). Why: when KCL moves a lease between live
     * workers, the old owner learns it only at its next renewal and keeps receiving the batches it had fetched, while
     * the new owner starts again from the last checkpoint with other batch boundaries. Both writing the same records
     * broke the lake's rule that a replay overwrites what it replaces ({@code LakeObjects}): a crash test once found
     * 50 rows twice after the old owner processed three batches whose checkpoints were then refused. A batch whose
     * lease is lost is left to the new owner, which reads it from the checkpoint. If the lease table cannot answer
     * (throttling, an outage), the batch is processed as before: its effects are idempotent apart from that lake
     * overlap.
     */
    static boolean holdsLease(@Nullable Object checkpointer, String stream, String shard) {
        if (!(checkpointer instanceof RecordProcessorCheckpointer kcl)) {
            return true;
        }
        try {
            kcl.prepareCheckpoint();
            return true;
        } catch (ShutdownException e) {
            log.info(
                    "lease of {}/{} lost: batch left to the shard's new owner, which reads it from the checkpoint",
                    stream,
                    shard);
            return false;
        } catch (ThrottlingException | InvalidStateException | KinesisClientLibDependencyException e) {
            log.warn(
                    "lease of {}/{} not confirmed ({}); processing the batch",
                    stream,
                    shard,
                    e.getClass().getSimpleName());
            return true;
        }
    }

    /**
     * Checkpoints the whole batch just processed. The binder's own consumer hands over its {@link Checkpointer}, the
     * KCL consumer KCL's {@link RecordProcessorCheckpointer}. A checkpoint that fails is not retried here: the batch's
     * effects are stored and idempotent, so the worst case is a replay of this batch after the shard moves (a lost
     * lease: {@code ShutdownException}), and the next batch's checkpoint covers this one otherwise.
     */
    static void checkpoint(@Nullable Object checkpointer, String stream, String shard) {
        try {
            switch (checkpointer) {
                case Checkpointer binder -> binder.checkpoint();
                case RecordProcessorCheckpointer kcl -> kcl.checkpoint();
                case null ->
                    throw new IllegalStateException("no checkpointer on the batch of " + stream + "/" + shard
                            + ": the binding must use checkpoint-mode manual");
                default ->
                    throw new IllegalStateException(
                            "unknown checkpointer " + checkpointer.getClass().getName());
            }
        } catch (ShutdownException
                | ThrottlingException
                | InvalidStateException
                | KinesisClientLibDependencyException e) {
            log.warn(
                    "checkpoint of {}/{} not stored ({}); the batch may be delivered again and changes nothing",
                    stream,
                    shard,
                    e.getClass().getSimpleName());
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
                                : String.valueOf(item).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        sequence));
            }
        }
        return records;
    }
}
