package io.cdp.transformer.ingest;

import io.cdp.kinesis.ingest.RawRecord;
import io.cdp.transformer.ops.PipelineMetrics;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one batch so that it is never skipped and never blocks its shard. The binder's KCL adapter logs an exception
 * from the handler and moves on, and the next batch's checkpoint then covers the failed one: its scored events, lake
 * rows and alerts would be lost while its features were committed. So nothing escapes from here: a failed batch is
 * retried whole (the pipeline is idempotent), then record by record in stream order, and a record that still fails
 * alone is quarantined with the failure as its reason. Returning means every record's effects are stored or the
 * record is quarantined: only then does the caller checkpoint.
 */
final class BatchRunner {

    private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);

    /** One batch of one shard through the pipeline; throws when any effect failed. */
    @FunctionalInterface
    interface BatchHandler {
        void process(String stream, String shard, List<RawRecord> records);
    }

    /** Where a record that keeps failing alone goes: the pipeline's quarantine, which waits out outages. */
    @FunctionalInterface
    interface Quarantine {
        void quarantine(String stream, String shard, List<Poison> poison);
    }

    private final int batchAttempts;
    private final int recordAttempts;
    private final long backoffMillis;
    private final long maxBackoffMillis;
    private final Quarantine quarantine;
    private final PipelineMetrics metrics;

    /**
     * @param batchAttempts  attempts of the whole batch before it is split into single records
     * @param recordAttempts attempts of one record alone before it is quarantined
     */
    BatchRunner(
            int batchAttempts,
            int recordAttempts,
            long backoffMillis,
            long maxBackoffMillis,
            Quarantine quarantine,
            PipelineMetrics metrics) {
        this.batchAttempts = Math.max(1, batchAttempts);
        this.recordAttempts = Math.max(1, recordAttempts);
        this.backoffMillis = backoffMillis;
        this.maxBackoffMillis = maxBackoffMillis;
        this.quarantine = quarantine;
        this.metrics = metrics;
    }

    void run(String stream, String shard, List<RawRecord> records, BatchHandler handler) {
        RuntimeException batchFailure = attempt(stream, shard, records, handler, batchAttempts, "batch");
        if (batchFailure == null) {
            return;
        }
        if (records.size() > 1) {
            log.warn(
                    "stream={} shard={}: batch of {} kept failing; processing it record by record",
                    stream,
                    shard,
                    records.size());
        }
        for (RawRecord record : records) {
            @Nullable
            RuntimeException failure = records.size() == 1
                    ? batchFailure
                    : attempt(stream, shard, List.of(record), handler, recordAttempts, "record");
            if (failure != null) {
                log.warn(
                        "stream={} shard={} sequence={}: quarantined after {} attempts alone ({})",
                        stream,
                        shard,
                        record.sequenceNumber(),
                        recordAttempts,
                        describe(failure));
                quarantine.quarantine(
                        stream, shard, List.of(new Poison("processing-failed", describe(failure), record)));
            }
        }
    }

    /** @return null when an attempt succeeded, else the last failure */
    private @Nullable RuntimeException attempt(
            String stream, String shard, List<RawRecord> records, BatchHandler handler, int attempts, String scope) {
        long wait = backoffMillis;
        RuntimeException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                handler.process(stream, shard, records);
                return null;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                last = e;
                metrics.batchFailed(scope);
                log.warn(
                        "stream={} shard={} {} of {} record(s) failed, attempt {}/{}: {}",
                        stream,
                        shard,
                        scope,
                        records.size(),
                        attempt,
                        attempts,
                        describe(e));
                if (attempt < attempts) {
                    Retry.sleep(wait, scope, e);
                    wait = Math.min(maxBackoffMillis, wait * 2);
                }
            }
        }
        return last;
    }

    /**
     * Exception classes and the effect that gave up, never messages: a message may quote the record's content, and
     * this text goes to the log and the dead-letter message.
     */
    static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 500; t = t.getCause()) {
            if (!b.isEmpty()) {
                b.append(" <- ");
            }
            b.append(t.getClass().getSimpleName());
            if (t instanceof Retry.GaveUpException gaveUp) {
                b.append('[').append(gaveUp.effect()).append(']');
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return b.toString();
    }
}
