package io.cdp.scoringapi.tools;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A fixed-arrival-rate load generator. Request i is due at {@code start + i / rps}; its latency is measured from
 * that due time, not from when it was actually sent, so a stall of the system under test (or of this generator)
 * shows up in the percentiles instead of silently lowering the rate (coordinated omission).
 */
final class OpenLoop {

    record Result(Histogram latencyMicros, long completed, long errors, double seconds) {
        double achievedRps() {
            return completed / seconds;
        }

        double ms(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private OpenLoop() {
    }

    /**
     * @param firstIndex index of the first request passed to {@code operation} (warm-up and measured runs use
     *                   different requests)
     * @param operation  starts request i and completes with true on success
     */
    static Result run(int rps, Duration duration, int firstIndex, IntFunction<CompletableFuture<Boolean>> operation)
            throws InterruptedException {
        ConcurrentHistogram histogram = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long total = rps * duration.toSeconds();
        long periodNanos = 1_000_000_000L / rps;
        long start = System.nanoTime();
        CompletableFuture<?>[] inFlight = new CompletableFuture<?>[(int) total];
        for (int i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            CompletableFuture<Boolean> call;
            try {
                call = operation.apply(firstIndex + i);
            } catch (RuntimeException e) {
                call = CompletableFuture.completedFuture(false);
            }
            inFlight[i] = call.handle((ok, failure) -> {
                histogram.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                completed.incrementAndGet();
                if (failure != null || !Boolean.TRUE.equals(ok)) {
                    errors.incrementAndGet();
                }
                return null;
            });
        }
        try {
            CompletableFuture.allOf(inFlight).get(2, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // the histogram has what completed; the rest count as errors below
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(histogram, completed.get(), errors.get() + (total - completed.get()), seconds);
    }
}
