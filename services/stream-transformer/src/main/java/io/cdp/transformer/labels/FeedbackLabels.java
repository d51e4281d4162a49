package io.cdp.transformer.labels;

import io.cdp.events.Envelope;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.codec.EventValidationException;
import io.cdp.events.payload.CustomerFeedbackReceivedV1;
import io.cdp.kinesis.ingest.RawRecord;
import io.cdp.lake.labels.LabelEvidence;
import io.cdp.transformer.ingest.Poison;
import io.cdp.transformer.ingest.TransactionPipeline;
import java.util.ArrayList;
import java.util.List;

/**
 * Closes the learning loop's first gap: the customers' answers on {@code cdp.feedback} become label evidence in the
 * lake ({@code labels/evidence/}, libs/cdp-lake), where the trainer's retrain job joins them point-in-time to the
 * scored transactions (docs/adr/0017). One batch of one shard becomes one object per day known, named after the
 * stream, shard and first sequence number, so a replay of the same batch overwrites what it wrote; a replay with other
 * boundaries can store an answer twice, which the label join reads as the same answer (the latest one wins).
 *
 * <p>Other events on the stream ({@code alert.dispatched.v1}) are not labels and pass; a record that does not decode
 * is quarantined with the reason; a failed write throws, so the batch runner retries and never checkpoints past it.
 */
public final class FeedbackLabels {

    /** Where a batch's evidence goes. */
    @FunctionalInterface
    public interface EvidenceSink {
        void write(String batchId, List<LabelEvidence> evidence);
    }

    /** Where records that are not events go. */
    @FunctionalInterface
    public interface Quarantine {
        void quarantine(String stream, String shard, List<Poison> poison);
    }

    private final EventCodec codec;
    private final EvidenceSink sink;
    private final Quarantine quarantine;

    public FeedbackLabels(EventCodec codec, EvidenceSink sink, Quarantine quarantine) {
        this.codec = codec;
        this.sink = sink;
        this.quarantine = quarantine;
    }

    /** @return the evidence written */
    public int process(String stream, String shard, List<RawRecord> records) {
        List<LabelEvidence> evidence = new ArrayList<>();
        List<Poison> poison = new ArrayList<>();
        for (RawRecord raw : records) {
            Envelope<?> envelope;
            try {
                envelope = codec.decode(raw.data());
            } catch (EventValidationException e) {
                // the transactions stream's reasons (unparseable, unknown-type, schema-invalid) and field paths
                poison.add(new Poison(
                        TransactionPipeline.reason(e.errors()), TransactionPipeline.describe(e.errors()), raw));
                continue;
            } catch (RuntimeException e) {
                poison.add(new Poison("unreadable", e.getClass().getSimpleName(), raw));
                continue;
            }
            if (envelope.payload() instanceof CustomerFeedbackReceivedV1 feedback) {
                evidence.add(LabelEvidence.of(feedback));
            }
        }
        if (!evidence.isEmpty()) {
            sink.write(batchId(stream, shard, records), evidence);
        }
        if (!poison.isEmpty()) {
            quarantine.quarantine(stream, shard, poison);
        }
        return evidence.size();
    }

    /** {@code <stream>-<shard>-<first sequence number>}: the batch's identity, as the scored lake objects name theirs. */
    static String batchId(String stream, String shard, List<RawRecord> records) {
        String first = records.isEmpty() ? "empty" : records.getFirst().sequenceNumber();
        return (stream + "-" + shard + "-" + first).replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
