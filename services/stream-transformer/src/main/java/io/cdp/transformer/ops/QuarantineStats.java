package io.cdp.transformer.ops;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness detail {@code quarantine}: how many records this instance quarantined, by reason, and the last one.
 * Always UP: a quarantined record is the pipeline working as designed (the shard moved on), but an operator looking at
 * readiness should see that it happens, and why, without a metrics backend.
 */
public final class QuarantineStats implements HealthIndicator {

    private record Last(String reason, Instant at) {}

    private final Map<String, AtomicLong> byReason = new ConcurrentHashMap<>();
    private final AtomicReference<@Nullable Last> last = new AtomicReference<>();

    void record(String reason, Instant at) {
        byReason.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
        last.set(new Last(reason, at));
    }

    public long total() {
        return byReason.values().stream().mapToLong(AtomicLong::get).sum();
    }

    @Override
    public Health health() {
        Map<String, Long> counts = new TreeMap<>();
        byReason.forEach((reason, n) -> counts.put(reason, n.get()));
        Health.Builder builder = Health.up().withDetail("quarantined", total()).withDetail("byReason", counts);
        Last l = last.get();
        if (l != null) {
            builder.withDetail("lastReason", l.reason()).withDetail("lastAt", l.at().toString());
        }
        return builder.build();
    }
}
