package io.cdp.kinesis.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.awspring.cloud.kinesis.integration.Checkpointer;
import io.awspring.cloud.kinesis.integration.KinesisHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.exceptions.ThrottlingException;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;

/**
 * Both consumers' checkpointers are honoured (a KCL batch that is never checkpointed is replayed after every restart:
 * customer-360's own copy of this edge did exactly that), and the lease fence keeps a lost shard's batch from having
 * effects.
 */
class KinesisBatchesTest {

    @Test
    void theKclCheckpointerCheckpointsTheBatch() throws Exception {
        RecordProcessorCheckpointer kcl = mock(RecordProcessorCheckpointer.class);
        KinesisBatches.checkpoint(kcl, "s", "shardId-0");
        verify(kcl).checkpoint();
    }

    @Test
    void theBinderCheckpointerCheckpointsTheBatch() {
        Checkpointer binder = mock(Checkpointer.class);
        KinesisBatches.checkpoint(binder, "s", "shardId-0");
        verify(binder).checkpoint();
    }

    @Test
    void aKclBatchIsProcessedThenCheckpointed() throws Exception {
        RecordProcessorCheckpointer kcl = mock(RecordProcessorCheckpointer.class);
        List<String> processed = new ArrayList<>();

        KinesisBatches.handle(
                batch(kcl), (stream, shard, records) -> processed.add(stream + "/" + shard + ":" + records.size()));

        assertThat(processed).containsExactly("cdp.core.customers/shardId-000000000001:2");
        var order = inOrder(kcl);
        order.verify(kcl).prepareCheckpoint();
        order.verify(kcl).checkpoint();
    }

    @Test
    void aBinderBatchIsProcessedThenCheckpointed() {
        Checkpointer binder = mock(Checkpointer.class);
        List<String> events = new ArrayList<>();
        org.mockito.Mockito.doAnswer(i -> events.add("checkpoint")).when(binder).checkpoint();

        KinesisBatches.handle(batch(binder), (stream, shard, records) -> events.add("processed"));

        assertThat(events).containsExactly("processed", "checkpoint");
    }

    @Test
    void aLostLeaseOnCheckpointIsNotAnErrorTheNextOwnerReplaysIdempotently() throws Exception {
        RecordProcessorCheckpointer kcl = mock(RecordProcessorCheckpointer.class);
        doThrow(new ShutdownException("lease lost")).when(kcl).checkpoint();
        assertThatCode(() -> KinesisBatches.checkpoint(kcl, "s", "shardId-0")).doesNotThrowAnyException();
        verify(kcl).checkpoint();
    }

    @Test
    void aBatchWhoseLeaseIsLostHasNoEffectAndIsLeftToTheNewOwner() throws Exception {
        RecordProcessorCheckpointer kcl = mock(RecordProcessorCheckpointer.class);
        doThrow(new ShutdownException("lease lost")).when(kcl).prepareCheckpoint();
        List<String> processed = new ArrayList<>();

        KinesisBatches.handle(batch(kcl), (stream, shard, records) -> processed.add(shard));

        assertThat(processed).isEmpty();
        verify(kcl, never()).checkpoint();
    }

    @Test
    void aLeaseTableThatCannotAnswerDoesNotStopProcessing() throws Exception {
        RecordProcessorCheckpointer kcl = mock(RecordProcessorCheckpointer.class);
        doThrow(new ThrottlingException("slow down")).when(kcl).prepareCheckpoint();
        List<String> processed = new ArrayList<>();

        KinesisBatches.handle(batch(kcl), (stream, shard, records) -> processed.add(shard));

        assertThat(processed).hasSize(1);
        verify(kcl).checkpoint();
    }

    @Test
    void aHandlerThatThrowsLeavesTheBatchUncheckpointed() throws Exception {
        RecordProcessorCheckpointer kcl = mock(RecordProcessorCheckpointer.class);

        assertThatThrownBy(() -> KinesisBatches.handle(batch(kcl), (stream, shard, records) -> {
                    throw new IllegalStateException("quarantine unavailable");
                }))
                .isInstanceOf(IllegalStateException.class);

        verify(kcl, never()).checkpoint();
    }

    @Test
    void aBatchWithoutCheckpointerSaysHowToConfigureTheBinding() {
        assertThatThrownBy(() -> KinesisBatches.checkpoint(null, "s", "shardId-0"))
                .hasMessageContaining("checkpoint-mode manual");
    }

    @Test
    void kclRecordsKeepTheirBytesAndSequenceNumbers() {
        Message<Object> message = MessageBuilder.<Object>withPayload(List.of(
                        Record.builder()
                                .data(SdkBytes.fromUtf8String("a"))
                                .sequenceNumber("491")
                                .partitionKey("k")
                                .build(),
                        Record.builder()
                                .data(SdkBytes.fromUtf8String("b"))
                                .sequenceNumber("492")
                                .partitionKey("k")
                                .build()))
                .build();

        List<RawRecord> records = KinesisBatches.records(message);

        assertThat(records).extracting(RawRecord::sequenceNumber).containsExactly("491", "492");
        assertThat(records)
                .extracting(r -> new String(r.data(), StandardCharsets.UTF_8))
                .containsExactly("a", "b");
    }

    @Test
    void binderRecordsTakeTheirSequenceNumbersFromTheHeaderList() {
        List<RawRecord> records = KinesisBatches.records(batch(mock(Checkpointer.class)));

        assertThat(records).extracting(RawRecord::sequenceNumber).containsExactly("4901", "4902");
        assertThat(records)
                .extracting(r -> new String(r.data(), StandardCharsets.UTF_8))
                .containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @Test
    void aSingleRecordMessageIsABatchOfOne() {
        Message<Object> message = MessageBuilder.<Object>withPayload("x".getBytes(StandardCharsets.UTF_8))
                .setHeader(KinesisHeaders.RECEIVED_SEQUENCE_NUMBER, "77")
                .build();

        assertThat(KinesisBatches.records(message)).singleElement().satisfies(r -> {
            assertThat(r.sequenceNumber()).isEqualTo("77");
            assertThat(r.data()).isEqualTo("x".getBytes(StandardCharsets.UTF_8));
        });
    }

    private static Message<Object> batch(Object checkpointer) {
        return MessageBuilder.<Object>withPayload(List.of(
                        "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "{\"b\":2}".getBytes(StandardCharsets.UTF_8)))
                .setHeader(KinesisHeaders.RECEIVED_STREAM, "cdp.core.customers")
                .setHeader(KinesisHeaders.SHARD, "shardId-000000000001")
                .setHeader(KinesisHeaders.RECEIVED_SEQUENCE_NUMBER, List.of("4901", "4902"))
                .setHeader(KinesisHeaders.CHECKPOINTER, checkpointer)
                .build();
    }
}
