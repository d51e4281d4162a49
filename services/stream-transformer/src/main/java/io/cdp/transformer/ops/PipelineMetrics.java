package io.cdp.transformer.ops;

import java.time.Instant;

/** What the pipeline reports; Micrometer in the service, nothing in unit tests and the in-process benchmark. */
public interface PipelineMetrics {

    PipelineMetrics NONE = new PipelineMetrics() {};

    default void received(String stream, int records) {}

    default void processed(int transactions, int duplicates) {}

    /** A transaction's features became readable; {@code occurredAt} is when core banking recorded the event. */
    default void featuresVisible(Instant occurredAt, Instant now) {}

    /** Time from the batch's arrival in the transformer to its features being written. */
    default void processingLatency(long nanos) {}

    /** A record went to the quarantine ({@code unparseable}, {@code late-event}, {@code processing-failed}, ...). */
    default void quarantined(String reason) {}

    /** Transactions skipped because another stream position carried them first (a producer's retry). */
    default void producerDuplicates(int count) {}

    /** A batch failed and is retried whole ({@code batch}) or record by record ({@code record}). */
    default void batchFailed(String scope) {}

    default void alertsSent(int count) {}

    default void retried(String effect) {}

    /**
     * Wall time of one stage of one batch ({@code decode}, {@code features}, {@code scoring}, {@code scored-events},
     * {@code lake}, {@code alerts}, {@code quarantine}, {@code batch}): where the time of a batch goes.
     */
    default void stageTime(String stage, long nanos) {}
}
