package io.cdp.aws.kinesis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Puts records on one Kinesis stream with PutRecords: at most 500 records and 5 MiB per request. Records a
 * partial failure reports (throttled shard, internal error) are sent again, alone, with exponential
 * backoff and jitter, in their original order; a record is never dropped: when the retry budget runs out
 * the call throws, and the caller stops visibly (an extraction) or fails its batch so it is retried (a consumer).
 * Every producer of the suite publishes through here: core banking's extraction with the blocking client, the
 * stream transformer's scored events with the asynchronous one ({@link #putAllAsync}).
 */
public final class KinesisPublisher {

    public static final int MAX_RECORDS = 500;
    static final long MAX_BYTES = 5L * 1024 * 1024;
    private static final int DEFAULT_MAX_ATTEMPTS = 20;
    private static final Logger log = LoggerFactory.getLogger(KinesisPublisher.class);

    public record Record(String partitionKey, byte[] data) {}

    private final @Nullable KinesisClient kinesis;
    private final @Nullable KinesisAsyncClient asyncKinesis;
    private final String stream;
    private final LongAdder retried = new LongAdder();
    private final LongAdder requests = new LongAdder();

    private final int maxAttempts;

    public KinesisPublisher(KinesisClient kinesis, String stream) {
        this(kinesis, stream, DEFAULT_MAX_ATTEMPTS);
    }

    KinesisPublisher(KinesisClient kinesis, String stream, int maxAttempts) {
        this.kinesis = kinesis;
        this.asyncKinesis = null;
        this.stream = stream;
        this.maxAttempts = maxAttempts;
    }

    private KinesisPublisher(KinesisAsyncClient asyncKinesis, String stream, int maxAttempts) {
        this.kinesis = null;
        this.asyncKinesis = asyncKinesis;
        this.stream = stream;
        this.maxAttempts = maxAttempts;
    }

    /** A publisher on the asynchronous client: {@link #putAllAsync} sends every batch at once. */
    public static KinesisPublisher async(KinesisAsyncClient kinesis, String stream) {
        return new KinesisPublisher(kinesis, stream, DEFAULT_MAX_ATTEMPTS);
    }

    static KinesisPublisher async(KinesisAsyncClient kinesis, String stream, int maxAttempts) {
        return new KinesisPublisher(kinesis, stream, maxAttempts);
    }

    /** Sends every record, in batches; returns once all are acknowledged. */
    public void putAll(List<Record> records) {
        if (kinesis == null) {
            join(putAllAsync(records));
            return;
        }
        for (List<Record> batch : batches(records)) {
            sendBatch(batch);
        }
    }

    /**
     * Sends every batch at once on the asynchronous client; completes when all are acknowledged, exceptionally when
     * a batch is refused for good (a non-retryable error, or the retry budget spent).
     */
    public CompletableFuture<Void> putAllAsync(List<Record> records) {
        if (asyncKinesis == null) {
            return CompletableFuture.runAsync(() -> putAll(records), Runnable::run);
        }
        return CompletableFuture.allOf(
                batches(records).stream().map(b -> sendAsync(b, 1)).toArray(CompletableFuture[]::new));
    }

    /** Requests of at most {@link #MAX_RECORDS} records and {@link #MAX_BYTES} bytes, in order. */
    static List<List<Record>> batches(List<Record> records) {
        List<List<Record>> batches = new ArrayList<>();
        List<Record> batch = new ArrayList<>(MAX_RECORDS);
        long bytes = 0;
        for (Record r : records) {
            long size = r.data().length + r.partitionKey().length();
            if (batch.size() == MAX_RECORDS || bytes + size > MAX_BYTES) {
                batches.add(batch);
                batch = new ArrayList<>(MAX_RECORDS);
                bytes = 0;
            }
            batch.add(r);
            bytes += size;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    private CompletableFuture<Void> sendAsync(List<Record> pending, int attempt) {
        requests.increment();
        return asyncKinesis
                .putRecords(b -> b.streamName(stream).records(entries(pending)))
                .handle((response, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause()
                                : error;
                        if (attempt >= maxAttempts || !(cause instanceof KinesisException k) || !retryable(k)) {
                            return CompletableFuture.<Void>failedFuture(cause);
                        }
                        return later(backoff(attempt), () -> sendAsync(pending, attempt + 1));
                    }
                    List<Record> again = refused(pending, response);
                    if (again.isEmpty()) {
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    retried.add(again.size());
                    if (attempt >= maxAttempts) {
                        return CompletableFuture.<Void>failedFuture(new IllegalStateException(again.size()
                                + " records to " + stream + " still refused after " + attempt + " attempts: "
                                + firstError(response)));
                    }
                    return later(backoff(attempt), () -> sendAsync(again, attempt + 1));
                })
                .thenCompose(f -> f);
    }

    private static CompletableFuture<Void> later(
            Duration wait, java.util.function.Supplier<CompletableFuture<Void>> next) {
        return CompletableFuture.supplyAsync(
                        () -> null, CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS))
                .thenCompose(x -> next.get());
    }

    private static List<PutRecordsRequestEntry> entries(List<Record> records) {
        return records.stream()
                .map(r -> PutRecordsRequestEntry.builder()
                        .partitionKey(r.partitionKey())
                        .data(SdkBytes.fromByteArray(r.data()))
                        .build())
                .toList();
    }

    /** The records a response reports as refused (in their order), to be sent again. */
    static List<Record> refused(List<Record> sent, PutRecordsResponse response) {
        if (response.failedRecordCount() == null || response.failedRecordCount() == 0) {
            return List.of();
        }
        List<Record> again = new ArrayList<>();
        List<PutRecordsResultEntry> results = response.records();
        for (int i = 0; i < sent.size(); i++) {
            if (i >= results.size() || results.get(i).errorCode() != null) {
                again.add(sent.get(i));
            }
        }
        return again;
    }

    private static String firstError(PutRecordsResponse response) {
        return response.records().stream()
                .filter(r -> r.errorCode() != null)
                .findFirst()
                .map(r -> r.errorCode() + " " + r.errorMessage())
                .orElse("unknown");
    }

    private static void join(CompletableFuture<Void> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** One PutRecord per record: the slow baseline the benchmark compares batching against. */
    public void putOneByOne(List<Record> records) {
        if (kinesis == null) {
            throw new IllegalStateException("the one-by-one baseline needs the blocking client");
        }
        for (Record r : records) {
            requests.increment();
            kinesis.putRecord(
                    b -> b.streamName(stream).partitionKey(r.partitionKey()).data(SdkBytes.fromByteArray(r.data())));
        }
    }

    void sendBatch(List<Record> batch) {
        List<Record> pending = batch;
        for (int attempt = 1; ; attempt++) {
            List<PutRecordsRequestEntry> entries = entries(pending);
            PutRecordsResponse response;
            try {
                requests.increment();
                response = kinesis.putRecords(b -> b.streamName(stream).records(entries));
            } catch (KinesisException e) {
                if (attempt >= maxAttempts || !retryable(e)) {
                    throw e;
                }
                log.warn(
                        "PutRecords to {} failed ({}), retry {}",
                        stream,
                        e.awsErrorDetails() == null
                                ? e.getMessage()
                                : e.awsErrorDetails().errorCode(),
                        attempt);
                sleep(backoff(attempt));
                continue;
            }
            List<Record> again = refused(pending, response);
            if (again.isEmpty()) {
                return;
            }
            retried.add(again.size());
            if (attempt >= maxAttempts) {
                throw new IllegalStateException(
                        again.size() + " records to " + stream + " still failing after " + attempt + " attempts");
            }
            log.debug("{} of {} records to {} failed, retry {}", again.size(), pending.size(), stream, attempt);
            pending = again;
            sleep(backoff(attempt));
        }
    }

    private static boolean retryable(KinesisException e) {
        return e.statusCode() >= 500
                || e.statusCode() == 429
                || e.isThrottlingException()
                || e instanceof software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
    }

    static Duration backoff(int attempt) {
        long cap = Math.min(3_000, 20L << Math.min(attempt, 10));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying Kinesis records", e);
        }
    }

    public long retriedRecords() {
        return retried.sum();
    }

    public long requests() {
        return requests.sum();
    }
}
