package io.cdp.transformer.ingest;

import io.cdp.events.Envelope;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.TransactionScoredV1;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Scored events with one Kinesis {@code PutRecords} per 500 events instead of one synchronous {@code PutRecord}
 * each: plain envelopes (the bytes the binder's producer sent, no embedded headers), partition key = the envelope's
 * (card token). Entries Kinesis refuses in a partly failed call (throttling, internal errors) are sent again, only
 * those, until every one is stored; {@code publish} returns only then, so the batch is checkpointed after its
 * events are durable. A resend after a lost response may store an event twice: same event id, which consumers
 * deduplicate on (the envelope contract), as with a replayed batch.
 */
public final class KinesisScoredEventSink implements ScoredEventSink {

    static final int MAX_ENTRIES = 500;
    private static final int MAX_ROUNDS = 50;

    private final KinesisAsyncClient kinesis;
    private final EventCodec codec;
    private final String stream;

    public KinesisScoredEventSink(KinesisAsyncClient kinesis, EventCodec codec, String stream) {
        this.kinesis = kinesis;
        this.codec = codec;
        this.stream = stream;
    }

    @Override
    public void publish(List<Envelope<TransactionScoredV1>> events) {
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int from = 0; from < events.size(); from += MAX_ENTRIES) {
            List<PutRecordsRequestEntry> entries =
                    events.subList(from, Math.min(events.size(), from + MAX_ENTRIES)).stream()
                            .map(e -> PutRecordsRequestEntry.builder()
                                    .partitionKey(e.partitionKey())
                                    .data(SdkBytes.fromByteArray(codec.encode(e)))
                                    .build())
                            .toList();
            calls.add(put(entries, 1));
        }
        try {
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private CompletableFuture<Void> put(List<PutRecordsRequestEntry> entries, int round) {
        return kinesis.putRecords(b -> b.streamName(stream).records(entries)).thenCompose(response -> {
            List<PutRecordsRequestEntry> failed = failed(entries, response);
            if (failed.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            if (round >= MAX_ROUNDS) {
                throw new IllegalStateException(failed.size() + " scored events still refused by Kinesis after " + round
                        + " rounds: " + firstError(response));
            }
            long wait = Math.min(1000, 20L << Math.min(round, 6));
            return CompletableFuture.supplyAsync(
                            () -> null,
                            CompletableFuture.delayedExecutor(wait, java.util.concurrent.TimeUnit.MILLISECONDS))
                    .thenCompose(x -> put(failed, round + 1));
        });
    }

    static List<PutRecordsRequestEntry> failed(List<PutRecordsRequestEntry> sent, PutRecordsResponse response) {
        if (response.failedRecordCount() == null || response.failedRecordCount() == 0) {
            return List.of();
        }
        List<PutRecordsRequestEntry> failed = new ArrayList<>();
        List<PutRecordsResultEntry> results = response.records();
        for (int i = 0; i < sent.size(); i++) {
            if (i >= results.size() || results.get(i).errorCode() != null) {
                failed.add(sent.get(i));
            }
        }
        return failed;
    }

    private static String firstError(PutRecordsResponse response) {
        return response.records().stream()
                .filter(r -> r.errorCode() != null)
                .findFirst()
                .map(r -> r.errorCode() + " " + r.errorMessage())
                .orElse("unknown");
    }
}
