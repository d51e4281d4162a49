package io.cdp.transformer.ingest;

import io.cdp.transformer.ops.PipelineMetrics;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries an effect until it succeeds. A batch is checkpointed only when the handler returns, so giving up would
 * either lose the batch (return) or hand it to the binder's error path (throw), which moves on without it. Waiting
 * keeps the shard where it is while the dependency is down; the health indicator says so meanwhile.
 */
public final class Retry {

    private static final Logger log = LoggerFactory.getLogger(Retry.class);

    private final long initialMillis;
    private final long maxMillis;
    private final PipelineMetrics metrics;

    public Retry(long initialMillis, long maxMillis, PipelineMetrics metrics) {
        this.initialMillis = initialMillis;
        this.maxMillis = maxMillis;
        this.metrics = metrics;
    }

    public <T> T until(String effect, Supplier<T> action) {
        long wait = initialMillis;
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                metrics.retried(effect);
                log.warn(
                        "effect={} attempt={} failed ({}: {}); retrying in {} ms",
                        effect,
                        attempt,
                        e.getClass().getSimpleName(),
                        e.getMessage(),
                        wait);
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while retrying " + effect, e);
                }
                wait = Math.min(maxMillis, wait * 2);
            }
        }
    }

    public void until(String effect, Runnable action) {
        until(effect, () -> {
            action.run();
            return Boolean.TRUE;
        });
    }
}
