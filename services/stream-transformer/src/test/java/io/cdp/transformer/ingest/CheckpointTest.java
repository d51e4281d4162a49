package io.cdp.transformer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.awspring.cloud.kinesis.integration.KinesisHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;

/**
 * The transformer's batches through the shared edge ({@code KinesisBatches}, whose own tests cover both checkpointers
 * and the fence alone): the fence comes before the {@link BatchRunner}, and a failing batch is quarantined before it
 * is checkpointed, never skipped.
 */
class CheckpointTest {

    private static final BatchRunner RUNNER = new BatchRunner(
            2,
            1,
            1,
            1,
            (stream, shard, poison) -> {
                throw new AssertionError("nothing to quarantine here");
            },
            io.cdp.transformer.ops.PipelineMetrics.NONE);

    @Test
    void aBatchWhoseLeaseIsLostHasNoEffectAndIsLeftToTheNewOwner() throws Exception {
        RecordProcessorCheckpointer kcl = mock(RecordProcessorCheckpointer.class);
        doThrow(new ShutdownException("lease lost")).when(kcl).prepareCheckpoint();
        List<String> processed = new ArrayList<>();

        IngestConfiguration.handle(batch(kcl), RUNNER, (stream, shard, records) -> processed.add(shard));

        assertThat(processed).isEmpty();
        verify(kcl, never()).checkpoint();
    }

    @Test
    void aBatchIsProcessedAndCheckpointedOnceTheLeaseIsConfirmed() throws Exception {
        RecordProcessorCheckpointer kcl = mock(RecordProcessorCheckpointer.class);
        List<String> processed = new ArrayList<>();

        IngestConfiguration.handle(
                batch(kcl), RUNNER, (stream, shard, records) -> processed.add(shard + ":" + records.size()));

        assertThat(processed).containsExactly("shardId-000000000001:1");
        var order = inOrder(kcl);
        order.verify(kcl).prepareCheckpoint();
        order.verify(kcl).checkpoint();
    }

    @Test
    void aBatchThatKeepsFailingIsQuarantinedBeforeItIsCheckpointedNeverSkipped() throws Exception {
        RecordProcessorCheckpointer kcl = mock(RecordProcessorCheckpointer.class);
        List<String> events = new ArrayList<>();
        BatchRunner runner = new BatchRunner(
                2,
                1,
                1,
                1,
                (stream, shard, poison) -> poison.forEach(p -> events.add("quarantined:" + p.reason())),
                io.cdp.transformer.ops.PipelineMetrics.NONE);
        org.mockito.Mockito.doAnswer(i -> events.add("checkpoint")).when(kcl).checkpoint();

        IngestConfiguration.handle(batch(kcl), runner, (stream, shard, records) -> {
            events.add("attempt");
            throw new IllegalStateException("scorer down");
        });

        assertThat(events).containsExactly("attempt", "attempt", "quarantined:processing-failed", "checkpoint");
    }

    private static Message<Object> batch(Object checkpointer) {
        return MessageBuilder.<Object>withPayload(List.of("{}".getBytes(StandardCharsets.UTF_8)))
                .setHeader(KinesisHeaders.RECEIVED_STREAM, "cdp.core.transactions")
                .setHeader(KinesisHeaders.SHARD, "shardId-000000000001")
                .setHeader(
                        KinesisHeaders.RECEIVED_SEQUENCE_NUMBER, List.of("49000000000000000000000000000000000000001"))
                .setHeader(KinesisHeaders.CHECKPOINTER, checkpointer)
                .build();
    }
}
