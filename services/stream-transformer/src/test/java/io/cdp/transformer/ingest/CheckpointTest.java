package io.cdp.transformer.ingest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.awspring.cloud.kinesis.integration.Checkpointer;
import org.junit.jupiter.api.Test;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;

/** Both consumers' checkpointers are honoured: a KCL batch that is never checkpointed is replayed after every restart. */
class CheckpointTest {

    @Test
    void theKclCheckpointerCheckpointsTheBatch() throws Exception {
        RecordProcessorCheckpointer kcl = mock(RecordProcessorCheckpointer.class);
        IngestConfiguration.checkpoint(kcl, "s", "shardId-0");
        verify(kcl).checkpoint();
    }

    @Test
    void theBinderCheckpointerCheckpointsTheBatch() {
        Checkpointer binder = mock(Checkpointer.class);
        IngestConfiguration.checkpoint(binder, "s", "shardId-0");
        verify(binder).checkpoint();
    }

    @Test
    void aLostLeaseIsNotAnErrorTheNextOwnerReplaysIdempotently() throws Exception {
        RecordProcessorCheckpointer kcl = mock(RecordProcessorCheckpointer.class);
        doThrow(new ShutdownException("lease lost")).when(kcl).checkpoint();
        assertThatCode(() -> IngestConfiguration.checkpoint(kcl, "s", "shardId-0")).doesNotThrowAnyException();
        verify(kcl).checkpoint();
    }

    @Test
    void aBatchWithoutCheckpointerSaysHowToConfigureTheBinding() {
        assertThatThrownBy(() -> IngestConfiguration.checkpoint(null, "s", "shardId-0"))
                .hasMessageContaining("checkpoint-mode manual");
    }
}
