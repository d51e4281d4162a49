package io.cdp.core.extraction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Puts records on one Kinesis stream with PutRecords: at most 500 records and 5 MiB per request. Records a
 * partial failure reports (throttled shard, internal error) are sent again, alone, with exponential
 * backoff and jitter, in their original order; a record is never dropped: when the retry budget runs out
 * the call throws and the extraction stops, visibly.
 */
public final class KinesisPublisher {

    public static final int MAX_RECORDS = 500;
    private static final long MAX_BYTES = 5L * 1024 * 1024;
    private static final int DEFAULT_MAX_ATTEMPTS = 20;
    private static final Logger log = LoggerFactory.getLogger(KinesisPublisher.class);

    public record Record(String partitionKey, byte[] data) {}

    private final KinesisClient kinesis;
    private final String stream;
    private final LongAdder retried = new LongAdder();
    private final LongAdder requests = new LongAdder();

    private final int maxAttempts;

    public KinesisPublisher(KinesisClient kinesis, String stream) {
        this(kinesis, stream, DEFAULT_MAX_ATTEMPTS);
    }

    KinesisPublisher(KinesisClient kinesis, String stream, int maxAttempts) {
        this.kinesis = kinesis;
        this.stream = stream;
        this.maxAttempts = maxAttempts;
    }

    /** Sends every record, in batches; returns once all are acknowledged. */
    public void putAll(List<Record> records) {
        List<Record> batch = new ArrayList<>(MAX_RECORDS);
        long bytes = 0;
        for (Record r : records) {
            long size = r.data().length + r.partitionKey().length();
            if (batch.size() == MAX_RECORDS || bytes + size > MAX_BYTES) {
                sendBatch(batch);
                batch = new ArrayList<>(MAX_RECORDS);
                bytes = 0;
            }
            batch.add(r);
            bytes += size;
        }
        if (!batch.isEmpty()) {
            sendBatch(batch);
        }
    }

    /** One PutRecord per record: the slow baseline the benchmark compares batching against. */
    public void putOneByOne(List<Record> records) {
        for (Record r : records) {
            requests.increment();
            kinesis.putRecord(
                    b -> b.streamName(stream).partitionKey(r.partitionKey()).data(SdkBytes.fromByteArray(r.data())));
        }
    }

    void sendBatch(List<Record> batch) {
        List<Record> pending = batch;
        for (int attempt = 1; ; attempt++) {
            List<PutRecordsRequestEntry> entries = pending.stream()
                    .map(r -> PutRecordsRequestEntry.builder()
                            .partitionKey(r.partitionKey())
                            .data(SdkBytes.fromByteArray(r.data()))
                            .build())
                    .toList();
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
            Integer failed = response.failedRecordCount();
            if (failed == null || failed == 0) {
                return;
            }
            List<Record> again = new ArrayList<>(failed);
            List<PutRecordsResultEntry> results = response.records();
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).errorCode() != null) {
                    again.add(pending.get(i));
                }
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
