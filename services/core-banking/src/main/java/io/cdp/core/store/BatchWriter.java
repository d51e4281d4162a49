package io.cdp.core.store;

import io.cdp.core.errors.RedactedFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Bulk puts with BatchWriteItem: 25 items per request (the service limit), a few requests in flight,
 * unprocessed items sent again with exponential backoff and jitter until none is left or the retry budget
 * is spent (then it throws: a load never drops an item silently).
 */
public final class BatchWriter implements AutoCloseable {

    public static final int MAX_BATCH = 25;
    private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);
    private static final int MAX_ATTEMPTS = 12;

    private final DynamoDbClient dynamoDb;
    private final ExecutorService pool;
    private final List<Future<?>> inFlight = new ArrayList<>();
    private final int parallelism;

    public BatchWriter(DynamoDbClient dynamoDb, int parallelism) {
        this.dynamoDb = dynamoDb;
        this.parallelism = parallelism;
        this.pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "ddb-batch");
            t.setDaemon(true);
            return t;
        });
    }

    /** Writes up to 25 items to one table; may return before they are written ({@link #flush()} waits). */
    public void submit(String table, List<Map<String, AttributeValue>> items) {
        if (items.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " items per batch, got " + items.size());
        }
        List<WriteRequest> requests = items.stream()
                .map(item -> WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(item).build())
                        .build())
                .toList();
        if (inFlight.size() >= parallelism * 4) {
            await(inFlight.removeFirst());
        }
        inFlight.add(pool.submit(() -> write(table, requests)));
    }

    public void flush() {
        while (!inFlight.isEmpty()) {
            await(inFlight.removeFirst());
        }
    }

    static void write(DynamoDbClient dynamoDb, String table, List<WriteRequest> requests) {
        Map<String, List<WriteRequest>> pending = Map.of(table, requests);
        for (int attempt = 1; ; attempt++) {
            Map<String, List<WriteRequest>> toSend = pending;
            BatchWriteItemResponse response = dynamoDb.batchWriteItem(b -> b.requestItems(toSend));
            if (!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty()) {
                return;
            }
            pending = response.unprocessedItems();
            if (attempt >= MAX_ATTEMPTS) {
                throw new IllegalStateException(
                        pending.values().stream().mapToInt(List::size).sum() + " items still unprocessed by " + table
                                + " after " + attempt + " attempts");
            }
            log.debug(
                    "{} unprocessed items for {}, retry {}", pending.get(table).size(), table, attempt);
            sleep(backoff(attempt));
        }
    }

    static Duration backoff(int attempt) {
        long cap = Math.min(5_000, 25L << Math.min(attempt, 10));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    }

    private void write(String table, List<WriteRequest> requests) {
        write(dynamoDb, table, requests);
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to DynamoDB", e);
        } catch (java.util.concurrent.ExecutionException e) {
            // the cause's message may quote the items (plaintext PII in this zone): its class only
            throw new IllegalStateException(
                    "a DynamoDB batch failed: " + RedactedFailure.describe(e.getCause()),
                    RedactedFailure.of(e.getCause()));
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during backoff", e);
        }
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            pool.shutdownNow();
        }
    }
}
