package io.cdp.transformer.ingest;

import io.cdp.transformer.ops.PipelineMetrics;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a failed effect with exponential backoff. {@link #bounded} gives up after a fixed number of attempts and
 * throws {@link GaveUpException}: a deterministic failure (a request a service refuses every time, a record the
 * scorer cannot take) must not hold its shard forever, so the batch fails and {@link BatchRunner} retries it, then
 * isolates and quarantines what keeps failing. {@link #until} never gives up and is kept for the quarantine itself,
 * the one effect that cannot refuse a record (an S3 object of at most a Kinesis record's size and a small SQS
 * message): while it fails the dependency is down, and waiting is the only way not to lose the record.
 */
public final class Retry {

    private static final Logger log = LoggerFactory.getLogger(Retry.class);

    /** The effect still failed after the last attempt; the cause is the last failure. */
    public static final class GaveUpException extends RuntimeException {
        private final String effect;

        GaveUpException(String effect, int attempts, RuntimeException last) {
            super(effect + " failed " + attempts + " times (" + last.getClass().getSimpleName() + ")", last);
            this.effect = effect;
        }

        public String effect() {
            return effect;
        }
    }

    private final long initialMillis;
    private final long maxMillis;
    private final int maxAttempts;
    private final PipelineMetrics metrics;

    /**
     * @param maxAttempts attempts of {@link #bounded} before it gives up (at least 1)
     */
    public Retry(long initialMillis, long maxMillis, int maxAttempts, PipelineMetrics metrics) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        this.initialMillis = initialMillis;
        this.maxMillis = maxMillis;
        this.maxAttempts = maxAttempts;
        this.metrics = metrics;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** At most {@code maxAttempts} attempts, then {@link GaveUpException}. */
    public <T> T bounded(String effect, Supplier<T> action) {
        return run(effect, action, maxAttempts);
    }

    public void bounded(String effect, Runnable action) {
        bounded(effect, () -> {
            action.run();
            return Boolean.TRUE;
        });
    }

    /** Until it succeeds: only for effects that cannot refuse a record, where a failure means an outage. */
    public <T> T until(String effect, Supplier<T> action) {
        return run(effect, action, Integer.MAX_VALUE);
    }

    public void until(String effect, Runnable action) {
        until(effect, () -> {
            action.run();
            return Boolean.TRUE;
        });
    }

    private <T> T run(String effect, Supplier<T> action, int attempts) {
        long wait = initialMillis;
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                if (attempt >= attempts) {
                    throw new GaveUpException(effect, attempt, e);
                }
                metrics.retried(effect);
                log.warn(
                        "effect={} attempt={} failed ({}); retrying in {} ms",
                        effect,
                        attempt,
                        e.getClass().getSimpleName(),
                        wait);
                sleep(wait, effect, e);
                wait = Math.min(maxMillis, wait * 2);
            }
        }
    }

    static void sleep(long millis, String what, RuntimeException cause) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying " + what, cause);
        }
    }
}
