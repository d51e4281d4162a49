package io.cdp.cli.scoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * A fixed-arrival-rate load generator in wrk2's model: {@code connections} threads, each with its own connection,
 * share one schedule (request i is due at {@code start + i / rps}) by taking every n-th request. A thread sleeps until
 * its next request is due, sends it and blocks for the answer; latency is measured from the due time, so a request
 * that could only be sent late, because the previous one on its connection was still waiting, is charged for the wait
 * (coordinated omission).
 *
 * <p>Why not one thread handing requests to an asynchronous client, as this bench first did: with {@code java.net.http}
 * every request crossed three threads of the generator (scheduler, selector, executor) and the generator
 * used more CPU than the service it measured, on the same two cores. Here a request costs one timer wake-up and one
 * socket wake-up of the thread that sent it.
 */
public final class LoadGenerator {

    /** {@code latencyByRequestMicros[i]}: request i's latency, -1 if it failed; request i was due at i / rps. */
    public record Result(
            Histogram latencyMicros,
            long completed,
            long errors,
            double seconds,
            long[] latencyByRequestMicros,
            long startEpochMillis) {
        public double achievedRps() {
            return completed / seconds;
        }

        public double ms(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    /** One connection's client: sends request {@code index} and blocks until it is answered. */
    @FunctionalInterface
    public interface Caller {
        /** @return true when the request succeeded */
        boolean call(int index) throws Exception;
    }

    private LoadGenerator() {}

    /**
     * @param firstIndex index of the first request passed to the callers (warm-up and measured runs use different
     *                   requests)
     * @param callers    one per connection, {@code callers.get(c)} called only from thread c (one object may fill
     *                   several places if it is thread-safe); the same callers can serve the warm-up and the measured
     *                   run, so the measured run starts on open, warm connections
     */
    public static Result run(int rps, Duration duration, int firstIndex, List<? extends Caller> callers)
            throws InterruptedException {
        int connections = callers.size();
        int total = Math.toIntExact(rps * duration.toSeconds());
        long periodNanos = 1_000_000_000L / rps;
        long[] byRequest = new long[total];
        Arrays.fill(byRequest, -1);
        AtomicLong errors = new AtomicLong();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        // the first request is due shortly after every thread has started
        long startEpochMillis = System.currentTimeMillis() + 20;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (int c = 0; c < connections; c++) {
            int first = c;
            Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
            histograms.add(histogram);
            Caller caller = callers.get(c);
            threads.add(Thread.ofPlatform().name("load-" + c).start(() -> {
                for (int i = first; i < total; i += connections) {
                    long due = start + i * periodNanos;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    boolean ok;
                    try {
                        ok = caller.call(firstIndex + i);
                    } catch (Exception e) {
                        ok = false;
                    }
                    // clamped to what the histogram holds: an out-of-range value would end this thread's schedule
                    long micros = Math.min(
                            histogram.getHighestTrackableValue(), Math.max(0, (System.nanoTime() - due) / 1000));
                    if (ok) {
                        histogram.recordValue(micros);
                        byRequest[i] = micros;
                    } else {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram all = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        histograms.forEach(all::add);
        return new Result(all, total, errors.get(), seconds, byRequest, startEpochMillis);
    }
}
