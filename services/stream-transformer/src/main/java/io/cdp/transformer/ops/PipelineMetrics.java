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

    default void deadLettered(String reason, int count) {}

    default void alertsSent(int count) {}

    default void retried(String effect) {}

    /**
     * Wall time of one stage of one batch ({@code decode}, {@code features}, {@code scoring}, {@code scored-events},
     * {@code lake}, {@code alerts}, {@code dead-letters}, {@code batch}): where the time of a batch goes.
     */
    default void stageTime(String stage, long nanos) {}
}
