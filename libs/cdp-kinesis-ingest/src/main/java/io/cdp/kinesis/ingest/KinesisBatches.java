package io.cdp.kinesis.ingest;

import io.awspring.cloud.kinesis.integration.Checkpointer;
import io.awspring.cloud.kinesis.integration.KinesisHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.kinesis.exceptions.InvalidStateException;
import software.amazon.kinesis.exceptions.KinesisClientLibDependencyException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.exceptions.ThrottlingException;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;

/**
 * One batch of one shard at the binder edge, for both of the binder's consumers (its own, and KCL's with
 * {@code kpl-kcl-enabled}): the lease fence, the service's processing, then the manual checkpoint. Bindings use
 * {@code checkpoint-mode: manual} because the binder's automatic checkpoint also runs after a handler failed, which
 * would skip the batch; here a batch is checkpointed only when the handler returned, i.e. when every effect of it is
 * stored or its record quarantined (the handler's contract).
 *
 * <p>Why shared: customer-360 once had its own copy of this edge that knew only the binder's {@link Checkpointer};
 * under KCL the header holds KCL's {@link RecordProcessorCheckpointer}, so it never checkpointed and replayed its whole
 * history at every restart.
 */
public final class KinesisBatches {

    private static final Logger log = LoggerFactory.getLogger(KinesisBatches.class);

    private KinesisBatches() {}

    /** The service's processing of one batch; returns once every record is applied or quarantined. */
    @FunctionalInterface
    public interface Handler {
        void process(String stream, String shard, List<RawRecord> records);
    }

    /**
     * One batch: the lease fence, then the handler, then the checkpoint. A handler that throws leaves the batch
     * unchecked, to be delivered again (its effects are idempotent).
     */
    public static void handle(Message<Object> message, Handler handler) {
        var headers = message.getHeaders();
        String stream = String.valueOf(headers.get(KinesisHeaders.RECEIVED_STREAM));
        String shard = String.valueOf(headers.get(KinesisHeaders.SHARD));
        Object checkpointer = headers.get(KinesisHeaders.CHECKPOINTER);
        if (!holdsLease(checkpointer, stream, shard)) {
            return;
        }
        handler.process(stream, shard, records(message));
        checkpoint(checkpointer, stream, shard);
    }

    /**
     * KCL only: proves this worker still holds the shard's lease before the batch has any effect, with a prepared
     * checkpoint (a write to the lease table conditional on the lease). Why (docs/adr/0006): when KCL moves a lease
     * between live workers, the old owner learns it only at its next renewal and keeps receiving the batches it had
     * fetched, while the new owner starts again from the last checkpoint with other batch boundaries. Both writing the
     * same records broke the lake's rule that a replay overwrites what it replaces: a crash test once found 50 rows
     * twice after the old owner processed three batches whose checkpoints were then refused. A batch whose lease is
     * lost is left to the new owner, which reads it from the checkpoint. If the lease table cannot answer (throttling,
     * an outage), the batch is processed as before: consumers' effects are idempotent on the event identity.
     */
    public static boolean holdsLease(@Nullable Object checkpointer, String stream, String shard) {
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
     * lease: {@code ShutdownException}), and the next batch's checkpoint covers this one otherwise. A batch without a
     * checkpointer is a configuration error (the binding is not {@code checkpoint-mode: manual}) and says so loudly,
     * rather than replaying everything at the next restart.
     */
    public static void checkpoint(@Nullable Object checkpointer, String stream, String shard) {
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

    /**
     * The batch's records with their sequence numbers: KCL hands SDK {@link Record}s, the binder's own consumer the
     * payloads (bytes) with the sequence numbers in a header list.
     */
    public static List<RawRecord> records(Message<Object> message) {
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
