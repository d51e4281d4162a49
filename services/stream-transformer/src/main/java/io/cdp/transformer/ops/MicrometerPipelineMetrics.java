package io.cdp.transformer.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pipeline metrics for Prometheus: records/s ({@code cdp.transformer.records} rate), transactions scored and
 * replayed duplicates, end-to-end latency from {@code occurredAt} to features written
 * ({@code cdp.transformer.freshness}), processing latency, quarantined records by reason
 * ({@code cdp.pipeline.quarantined}), producer duplicates skipped, failed batches, alerts, retries, and the iterator
 * age: how far behind the newest processed event is ({@code cdp.transformer.iterator.age}, milliseconds).
 */
public final class MicrometerPipelineMetrics implements PipelineMetrics {

    private final MeterRegistry registry;
    private final Counter scored;
    private final Counter duplicates;
    private final Counter alerts;
    private final Counter producerDuplicates;
    private final QuarantineStats quarantine;
    private final Timer freshness;
    private final Timer processing;
    private final AtomicLong iteratorAgeMillis = new AtomicLong();

    public MicrometerPipelineMetrics(MeterRegistry registry, QuarantineStats quarantine) {
        this.registry = registry;
        this.quarantine = quarantine;
        this.producerDuplicates = Counter.builder("cdp.pipeline.producer.duplicates")
                .description("transactions another stream position carried first (a producer's retry), skipped")
                .register(registry);
        this.scored = Counter.builder("cdp.transformer.transactions.scored").register(registry);
        this.duplicates = Counter.builder("cdp.transformer.transactions.duplicates")
                .description("redelivered transactions recognised and not counted again")
                .register(registry);
        this.alerts = Counter.builder("cdp.transformer.alerts.sent").register(registry);
        this.freshness = Timer.builder("cdp.transformer.freshness")
                .description("event occurredAt to its features readable in the feature store")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.processing = Timer.builder("cdp.transformer.processing")
                .description("batch received to its features written")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        registry.gauge("cdp.transformer.iterator.age", iteratorAgeMillis);
    }

    @Override
    public void received(String stream, int records) {
        registry.counter("cdp.transformer.records", "stream", stream).increment(records);
    }

    @Override
    public void processed(int transactions, int duplicateCount) {
        scored.increment(transactions);
        duplicates.increment(duplicateCount);
    }

    @Override
    public void featuresVisible(Instant occurredAt, Instant now) {
        long millis = Math.max(0, Duration.between(occurredAt, now).toMillis());
        freshness.record(Duration.ofMillis(millis));
        iteratorAgeMillis.set(millis);
    }

    @Override
    public void processingLatency(long nanos) {
        processing.record(Duration.ofNanos(nanos));
    }

    @Override
    public void quarantined(String reason) {
        registry.counter("cdp.pipeline.quarantined", "reason", reason).increment();
        quarantine.record(reason, Instant.now());
    }

    @Override
    public void producerDuplicates(int count) {
        producerDuplicates.increment(count);
    }

    @Override
    public void batchFailed(String scope) {
        registry.counter("cdp.pipeline.batch.failures", "scope", scope).increment();
    }

    @Override
    public void alertsSent(int count) {
        alerts.increment(count);
    }

    @Override
    public void retried(String effect) {
        registry.counter("cdp.transformer.retries", "effect", effect).increment();
    }

    @Override
    public void stageTime(String stage, long nanos) {
        Timer.builder("cdp.transformer.stage")
                .description("wall time of one stage of one batch")
                .tag("stage", stage)
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    public Timer freshness() {
        return freshness;
    }
}
