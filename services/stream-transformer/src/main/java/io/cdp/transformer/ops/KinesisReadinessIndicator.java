package io.cdp.transformer.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;

/**
 * Readiness of the consumer: the binder keeps an unreachable Kinesis to itself (it retries its bindings in the
 * background and the application looks UP while deaf), so this asks Kinesis directly for the input stream, at most
 * every few seconds, and reports DOWN when it does not answer or the stream is not ACTIVE.
 */
public final class KinesisReadinessIndicator implements HealthIndicator {

    private static final Duration CACHE = Duration.ofSeconds(3);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final KinesisAsyncClient kinesis;
    private final String stream;
    private final Clock clock;
    private final AtomicReference<Checked> last = new AtomicReference<>();

    private record Checked(Instant at, Health health) {}

    public KinesisReadinessIndicator(KinesisAsyncClient kinesis, String stream, Clock clock) {
        this.kinesis = kinesis;
        this.stream = stream;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Checked checked = last.get();
        Instant now = clock.instant();
        if (checked != null && checked.at().plus(CACHE).isAfter(now)) {
            return checked.health();
        }
        Health health = check();
        last.set(new Checked(now, health));
        return health;
    }

    private Health check() {
        try {
            var summary = kinesis.describeStreamSummary(b -> b.streamName(stream))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .streamDescriptionSummary();
            String status = summary.streamStatusAsString();
            Health.Builder builder = "ACTIVE".equals(status) || "UPDATING".equals(status) ? Health.up() : Health.down();
            return builder.withDetail("stream", stream)
                    .withDetail("status", status)
                    .withDetail("shards", summary.openShardCount())
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down()
                    .withDetail("stream", stream)
                    .withDetail("error", "interrupted")
                    .build();
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return Health.down()
                    .withDetail("stream", stream)
                    .withDetail("error", cause.getClass().getSimpleName())
                    .build();
        }
    }
}
